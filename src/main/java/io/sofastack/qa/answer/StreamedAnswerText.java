package io.sofastack.qa.answer;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes an LLM answer on as it is written, holding back only what may not stay in it: the opening
 * while it may still be the LLM's "no answer" marker, a citation until its bracket closes, and
 * citations of sources the LLM was not given (dropped, as {@link GenerativeAnswerer#interpret} drops
 * them). What it passed on is, in order, the answer as shown; nothing shown is ever taken back.
 */
final class StreamedAnswerText {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");
    /** The longest citation, "[999]", less its closing bracket: a bracket open longer than this is text. */
    private static final int LONGEST_OPEN_CITATION = 4;

    private final int sourceCount;
    private final Consumer<String> out;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private boolean opened;
    private boolean closed;

    StreamedAnswerText(int sourceCount, Consumer<String> out) {
        this.sourceCount = sourceCount;
        this.out = out;
    }

    /** Takes the next piece the LLM wrote; passes on what can be shown already. */
    synchronized void accept(String piece) {
        if (closed || piece == null || piece.isEmpty()) {
            return;
        }
        pending.append(piece);
        release(false);
    }

    /**
     * The LLM is done. With {@code showRest} the rest that was held back is passed on (the answer
     * stands); without it, it is dropped (the LLM declined). Later pieces are ignored.
     */
    synchronized void finish(boolean showRest) {
        if (closed) {
            return;
        }
        if (showRest) {
            release(true);
        }
        closed = true;
    }

    /** All that was passed on so far. */
    synchronized String shown() {
        return shown.toString();
    }

    private void release(boolean end) {
        if (!opened) {
            int start = 0;
            while (start < pending.length() && Character.isWhitespace(pending.charAt(start))) {
                start++;
            }
            String head = pending.substring(start);
            if (!end && (head.isEmpty() || GenerativeAnswerer.NO_ANSWER.startsWith(head) || head.startsWith(GenerativeAnswerer.NO_ANSWER))) {
                return;
            }
            pending.delete(0, start);
            opened = true;
        }
        int cut = pending.length();
        int open = pending.lastIndexOf("[");
        if (!end && open >= 0 && pending.indexOf("]", open) < 0 && cut - open <= LONGEST_OPEN_CITATION) {
            cut = open;
        }
        String ready = withoutUnknownCitations(pending.substring(0, cut));
        pending.delete(0, cut);
        if (!ready.isEmpty()) {
            shown.append(ready);
            out.accept(ready);
        }
    }

    private String withoutUnknownCitations(String text) {
        Matcher citation = CITATION.matcher(text);
        StringBuilder kept = new StringBuilder();
        while (citation.find()) {
            int number = Integer.parseInt(citation.group(1));
            citation.appendReplacement(kept, number >= 1 && number <= sourceCount ? Matcher.quoteReplacement(citation.group()) : "");
        }
        citation.appendTail(kept);
        return kept.toString();
    }
}
