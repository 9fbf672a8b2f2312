package io.sofastack.qa.answer;

/** What asking the LLM came to. */
sealed interface LlmOutcome {

    /** An answer citing at least one of the sources it was given. */
    record Answered(String text) implements LlmOutcome {
    }

    /** The LLM found that the sources do not answer the question. */
    record Declined() implements LlmOutcome {
    }

    /** No usable answer: error, timeout, overload, or output that is empty, uncited or malformed. */
    record Failed(String reason) implements LlmOutcome {
    }
}
