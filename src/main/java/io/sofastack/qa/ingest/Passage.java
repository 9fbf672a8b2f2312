package io.sofastack.qa.ingest;

import io.sofastack.qa.ingest.QaThread.Turn;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One piece of knowledge the bot can answer from: a reader Q&amp;A thread of a weekly post, a section
 * of a documentation page or a technical article, or a maintainer's answer in a chat that a reviewer
 * accepted. Everything downstream (index, retrieval,
 * answers) works on passages, whatever their kind.
 *
 * @param id stable id: the key the index replaces a passage by
 * @param kind what the passage is
 * @param path the source file, relative to the corpus root it was found under
 * @param language the page's language ({@code zh} or {@code en})
 * @param pageKey the page independent of its language: a page and its translation share it
 * @param title the page's title
 * @param url where a reader lands: the page, with the section's anchor for docs and articles
 * @param date the page's date, or {@code null}
 * @param section the heading path of a doc or article section ({@code 调用方式 > 单向}); empty for Q&amp;A
 * @param question the first question of a Q&amp;A thread; empty for sections
 * @param text the passage as plain Markdown: the thread's questions and answers, or the section's body
 * @param turns the turns of a Q&amp;A thread, in order; empty for sections
 * @param products the products the passage is about
 */
public record Passage(String id, Kind kind, String path, String language, String pageKey, String title, String url,
                      LocalDate date, String section, String question, String text, List<Turn> turns,
                      List<String> products) {

    /** What a passage is; Q&amp;A threads are real answers to real questions and are preferred. */
    public enum Kind {
        QA, DOC, ARTICLE,
        /** A maintainer's answer in a chat thread, accepted by a reviewer: a real answer to a real question, like a thread. */
        COMMUNITY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether it is a question with its answers (a weekly thread, a community answer) rather than a section of a page. */
        public boolean thread() {
            return this == QA || this == COMMUNITY;
        }

        /**
         * The kind it is ranked and judged among. A community answer is a question with its answer,
         * exactly what the answerability model learnt threads from, so it competes with the threads
         * rather than forming a kind of its own that nothing was fitted on.
         */
        public Kind rankedAs() {
            return this == COMMUNITY ? QA : this;
        }
    }

    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        language = language == null || language.isBlank() ? "zh" : language;
        pageKey = pageKey == null || pageKey.isBlank() ? path : pageKey;
        title = title == null ? "" : title;
        url = url == null ? "" : url;
        section = section == null ? "" : section;
        question = question == null ? "" : question;
        text = text == null ? "" : text;
        turns = List.copyOf(turns);
        products = List.copyOf(products);
    }

    /** A weekly post's thread as a passage. */
    public static Passage of(QaThread thread, String language, String pageKey) {
        return new Passage(thread.id(), Kind.QA, thread.path(), language, pageKey + "#" + thread.number(), thread.title(),
                thread.url(), thread.date(), "", thread.question(), thread.threadText(), thread.turns(), thread.products());
    }


    /**
     * A maintainer's answer to a question asked in a chat, as knowledge of kind {@link Kind#COMMUNITY}.
     *
     * @param id stable id; the index replaces the passage by it
     * @param title what a citation calls it
     * @param url the chat thread's permalink, or empty where the platform has none
     * @param date when the maintainer answered
     */
    public static Passage community(String id, String language, String title, String url, LocalDate date, String question,
                                    String answer) {
        List<Turn> turns = List.of(new Turn(Turn.Kind.QUESTION, question), new Turn(Turn.Kind.ANSWER, answer));
        return new Passage(id, Kind.COMMUNITY, "community/" + id, language, id, title, url, date, "", question,
                "Q: " + question + "\n\nA: " + answer, turns, new ProductTagger().tag(question + "\n" + answer));
    }

    /** The answers of a Q&amp;A thread joined by blank lines; the body of a section. */
    public String answerText() {
        if (!kind.thread()) {
            return text;
        }
        StringBuilder answers = new StringBuilder();
        for (Turn turn : turns) {
            if (turn.kind() == Turn.Kind.ANSWER) {
                answers.append(answers.isEmpty() ? "" : "\n\n").append(turn.text());
            }
        }
        return answers.toString();
    }
}
