package io.sofastack.qa.answer;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The bot's answer to a question.
 *
 * @param id names this answer for feedback and for the record of what the bot could not answer
 * @param text the answer, Markdown
 * @param grounded whether the answer is drawn from the sources; {@code false} when the bot abstains
 * @param mode how the answer was written
 * @param sources the threads the answer cites, best first; when abstaining, the nearest threads
 * @param confidence retrieval's confidence in the best source
 */
public record Answer(String id, String text, boolean grounded, AnswerMode mode, List<Source> sources, double confidence) {

    public Answer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        sources = List.copyOf(sources);
    }

    /** A new answer, with an id of its own. */
    public Answer(String text, boolean grounded, AnswerMode mode, List<Source> sources, double confidence) {
        this(UUID.randomUUID().toString(), text, grounded, mode, sources, confidence);
    }

    /**
     * Whether the asker can rate it and the record keeps it: every answer and abstention, not a notice
     * ("busy", a greeting back), in which nothing was looked up.
     */
    public boolean rateable() {
        return mode != AnswerMode.NOTICE;
    }

    /** The same answer with another text (a line added, say), under the same id. */
    public Answer withText(String newText) {
        return new Answer(id, newText, grounded, mode, sources, confidence);
    }
}
