package io.sofastack.qa.answer;

import io.sofastack.qa.ingest.QaThread;
import io.sofastack.qa.ingest.QaThread.Turn;
import java.util.regex.Pattern;

/**
 * Answers with the best thread's own answer: images dropped, links kept, follow-up questions kept
 * readable, trimmed at a sentence boundary.
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

    String answer(QaThread thread, Language language) {
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

    static String clean(String markdown) {
        String text = IMAGE.matcher(markdown).replaceAll("");
        text = HTML_TAG.matcher(text).replaceAll("");
        text = text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
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
