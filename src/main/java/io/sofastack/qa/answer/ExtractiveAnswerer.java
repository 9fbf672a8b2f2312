package io.sofastack.qa.answer;

import io.sofastack.qa.ingest.Passage;
import io.sofastack.qa.ingest.QaThread.Turn;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers with the best passage's own words: a thread's answer (follow-up questions kept readable), or
 * the part of a docs or article section that answers, quoted with its link. Images dropped, links
 * kept, trimmed at a sentence boundary.
 */
final class ExtractiveAnswerer {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final String SENTENCE_ENDS = "。！？!?；;\n";

    private final int maxChars;

    ExtractiveAnswerer(int maxChars) {
        this.maxChars = maxChars;
    }

    String answer(Passage passage, String question, Language language) {
        return passage.kind().thread() ? threadAnswer(passage, language) : sectionAnswer(passage, question, language);
    }

    /**
     * The section from its block (paragraph, list, code block, table) that shares the most words with
     * the question, as much as fits, then where it comes from.
     */
    private String sectionAnswer(Passage passage, String question, Language language) {
        List<String> blocks = List.of(clean(passage.text()).split("\n\\s*\n"));
        Set<String> asked = grams(question);
        int best = 0;
        int bestShared = -1;
        for (int i = 0; i < blocks.size(); i++) {
            Set<String> shared = grams(blocks.get(i));
            shared.retainAll(asked);
            if (shared.size() > bestShared) {
                bestShared = shared.size();
                best = i;
            }
        }
        // A heading's first block usually says what the section is about: start there unless a later block answers better.
        int from = bestShared <= 0 ? 0 : best;
        String quoted = trim(String.join("\n\n", blocks.subList(from, blocks.size())));
        String where = language == Language.ENGLISH ? "From" : "出自";
        return quoted + "\n\n" + where + " [" + Source.label(passage.title(), passage.section(), passage.url()) + "](" + passage.url() + ")";
    }

    /** Lower-case Latin words and Han bigrams: enough to tell which block a question is about. */
    private static Set<String> grams(String text) {
        Set<String> grams = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[^a-z0-9_]+")) {
            if (word.length() > 2) {
                grams.add(word);
            }
        }
        for (int i = 0; i + 1 < lower.length(); i++) {
            if (Character.UnicodeScript.of(lower.charAt(i)) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(lower.charAt(i + 1)) == Character.UnicodeScript.HAN) {
                grams.add(lower.substring(i, i + 2));
            }
        }
        return grams;
    }

    private String threadAnswer(Passage thread, Language language) {
        StringBuilder text = new StringBuilder();
        boolean first = true;
        boolean firstAnswer = true;
        for (Turn turn : thread.turns()) {
            if (first) {
                first = false;
                continue;
            }
            String cleaned = clean(turn.text());
            if (cleaned.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            if (turn.kind() == Turn.Kind.QUESTION) {
                text.append(language == Language.ENGLISH ? "Follow-up: " : "追问：").append(cleaned);
            } else {
                text.append(firstAnswer ? "" : language == Language.ENGLISH ? "Answer: " : "答：").append(cleaned);
                firstAnswer = false;
            }
        }
        return trim(text.toString());
    }

    /** Images and HTML tags dropped, except inside code blocks, where {@code <sofa:reference>} is the point. */
    static String clean(String markdown) {
        StringBuilder text = new StringBuilder();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence) {
                line = HTML_TAG.matcher(IMAGE.matcher(line).replaceAll("")).replaceAll("");
            }
            text.append(line.stripTrailing()).append('\n');
        }
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /** Cuts after the last sentence end that fits; never inside a word or a link when it can help it. */
    String trim(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = -1;
        for (int i = maxChars - 1; i >= maxChars / 2; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                cut = i + 1;
                break;
            }
        }
        if (cut < 0) {
            cut = maxChars;
            int space = text.lastIndexOf(' ', maxChars);
            if (space > maxChars / 2) {
                cut = space;
            }
        }
        String trimmed = text.substring(0, cut).strip();
        // A cut inside a code block would leave the rest of the message formatted as code.
        boolean openFence = (trimmed.split("```", -1).length - 1) % 2 == 1;
        return trimmed + (openFence ? "\n```\n…" : " …");
    }
}
