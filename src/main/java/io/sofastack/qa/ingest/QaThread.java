package io.sofastack.qa.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One question thread of a weekly post's reader Q&amp;A: the first question, then every follow-up
 * question and answer in order.
 *
 * @param id stable id, derived from the source path and the thread's number in the post
 * @param path the source file relative to the corpus root it was found under
 * @param title the post's title
 * @param date the post's date, or {@code null} when the post has none
 * @param url the canonical URL of the post on the site
 * @param asker who asked, or an empty string when the header names nobody
 * @param number the thread's number in the post, from 1
 * @param question the first question
 * @param turns the whole thread, first question included
 * @param products products the thread is about
 */
public record QaThread(String id, String path, String title, LocalDate date, String url, String asker,
                       int number, String question, List<Turn> turns, List<String> products) {

    public QaThread {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(question, "question");
        title = title == null ? "" : title;
        url = url == null ? "" : url;
        asker = asker == null ? "" : asker;
        turns = List.copyOf(turns);
        products = List.copyOf(products);
        if (number < 1) {
            throw new IllegalArgumentException("thread number must be positive: " + number);
        }
    }

    /** The answers of the thread, in order, joined by blank lines. */
    public String answerText() {
        return joined(Turn.Kind.ANSWER);
    }

    /** The whole thread as plain text: questions and answers, in order. */
    public String threadText() {
        StringBuilder text = new StringBuilder();
        for (Turn turn : turns) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(turn.kind() == Turn.Kind.QUESTION ? "Q: " : "A: ").append(turn.text());
        }
        return text.toString();
    }

    private String joined(Turn.Kind kind) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : turns) {
            if (turn.kind() == kind) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(turn.text());
            }
        }
        return text.toString();
    }

    /** One question or answer of a thread, as Markdown. */
    public record Turn(Kind kind, String text) {
        public enum Kind { QUESTION, ANSWER }

        public Turn {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }
}
