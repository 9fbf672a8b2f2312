package io.sofastack.qa.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bridges English questions to a mostly Chinese archive: an English question is searched together
 * with the Chinese words the archive uses for its technical terms ({@code rollback} → 回滚). The
 * embedding model is not cross-lingual enough to do this alone.
 */
final class Glossary {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]*");
    private static final int LONGEST_PHRASE = 3;

    private final Map<String, List<String>> chineseByEnglish;

    private Glossary(Map<String, List<String>> chineseByEnglish) {
        this.chineseByEnglish = Map.copyOf(chineseByEnglish);
    }

    static Glossary load(InputStream tsv) {
        Map<String, List<String>> entries = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalArgumentException("glossary line is not 'english<TAB>chinese': " + line);
                }
                entries.put(columns[0].strip().toLowerCase(Locale.ROOT), List.of(columns[1].strip().split("\\s*,\\s*")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the glossary", e);
        }
        return new Glossary(entries);
    }

    /**
     * The question followed by the Chinese words for its English terms, when the question is mostly
     * English; otherwise the question as it is.
     */
    String expand(String question) {
        if (!Scripts.isMostlyLatin(question)) {
            return question;
        }
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        Set<String> chinese = new LinkedHashSet<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int length = Math.min(LONGEST_PHRASE, words.size() - i); length >= 1 && matched == 0; length--) {
                List<String> found = lookUp(String.join(" ", words.subList(i, i + length)));
                if (found != null) {
                    chinese.addAll(found);
                    matched = length;
                }
            }
            i += Math.max(1, matched);
        }
        return chinese.isEmpty() ? question : question + "\n" + String.join(" ", chinese);
    }

    private List<String> lookUp(String phrase) {
        List<String> found = chineseByEnglish.get(phrase);
        if (found == null && phrase.endsWith("s")) {
            found = chineseByEnglish.get(phrase.substring(0, phrase.length() - 1));
        }
        if (found == null && (phrase.endsWith("ed") || phrase.endsWith("es"))) {
            found = chineseByEnglish.get(phrase.substring(0, phrase.length() - 2));
        }
        if (found == null && phrase.endsWith("ing")) {
            found = chineseByEnglish.get(phrase.substring(0, phrase.length() - 3));
        }
        return found;
    }

    /** Whether the word is an English term of the glossary. */
    boolean knows(String word) {
        return lookUp(word.toLowerCase(Locale.ROOT)) != null;
    }
}
