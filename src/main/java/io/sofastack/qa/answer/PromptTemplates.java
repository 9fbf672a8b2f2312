package io.sofastack.qa.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates of {@code prompts/}, loaded once at start-up. Each template's placeholders are
 * checked then: a missing or unknown placeholder stops the application with a clear message rather
 * than sending a broken prompt later. Rendering replaces placeholders in one pass, so text inside a
 * value (a question that contains {@code {sources}}) is never expanded.
 */
public final class PromptTemplates {

    static final String SYSTEM = "system.st";
    static final String USER = "user.st";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            SYSTEM, Set.of("language"),
            USER, Set.of("question", "sources"));

    private final Map<String, String> templates;

    private PromptTemplates(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    public static PromptTemplates load(Path dir) {
        Map<String, String> loaded = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : REQUIRED.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read prompt template " + file.toAbsolutePath()
                        + " (set qa.answer.prompts-dir to the folder of the prompt templates)", e);
            }
            Set<String> found = placeholders(text);
            if (!found.equals(entry.getValue())) {
                throw new IllegalStateException("Prompt template " + file.toAbsolutePath() + " has placeholders "
                        + new TreeSet<>(found) + " but must have exactly " + new TreeSet<>(entry.getValue()));
            }
            loaded.put(entry.getKey(), text);
        }
        return new PromptTemplates(loaded);
    }

    String render(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(templates.get(template));
        StringBuilder rendered = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(rendered, Matcher.quoteReplacement(values.get(placeholder.group(1))));
        }
        placeholder.appendTail(rendered);
        return rendered.toString();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            found.add(placeholder.group(1));
        }
        return Set.copyOf(found);
    }
}
