package io.sofastack.qa.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One line of a query file in the format of {@code ../shared/eval/dev.jsonl}. */
record EvalQuery(String qid, String query, String lang, boolean answerable, List<Gold> gold) {

    EvalQuery {
        lang = lang == null ? "" : lang;
        gold = gold == null ? List.of() : List.copyOf(gold);
    }

    /** A passage that answers the query: its path, and for a Q&amp;A thread a piece of its first question. */
    record Gold(String path, @JsonProperty("question_contains") String questionContains) {

        /** The same test as the official scorer: path equal, question containing the piece, ignoring spaces, '>' and '*'. */
        boolean matches(String sourcePath, String sourceQuestion) {
            return path.equals(sourcePath)
                    && (questionContains == null || normalized(sourceQuestion).contains(normalized(questionContains)));
        }

        private static String normalized(String text) {
            return text == null ? "" : text.replaceAll("\\s+", "").replace(">", "").replace("*", "");
        }
    }
}
