package io.sofastack.qa.answer;

import java.util.List;
import java.util.Objects;

/**
 * The bot's answer to a question.
 *
 * @param text the answer, Markdown
 * @param grounded whether the answer is drawn from the sources; {@code false} when the bot abstains
 * @param mode how the answer was written
 * @param sources the threads the answer cites, best first; when abstaining, the nearest threads
 * @param confidence retrieval's confidence in the best source
 */
public record Answer(String text, boolean grounded, AnswerMode mode, List<Source> sources, double confidence) {

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        sources = List.copyOf(sources);
    }
}
