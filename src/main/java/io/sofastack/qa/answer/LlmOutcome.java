package io.sofastack.qa.answer;

/** What asking the LLM came to. */
sealed interface LlmOutcome {

    /** An answer citing at least one of the sources it was given. */
    record Answered(String text) implements LlmOutcome {
    }

    /** The LLM found that the sources do not answer the question. */
    record Declined() implements LlmOutcome {
    }

    /** No usable answer, for a reason of the given kind. */
    record Failed(Kind kind, String reason) implements LlmOutcome {
    }

    /** Why no usable answer came; the metric tag of LLM errors. */
    enum Kind {
        /** Too many calls in flight: not the LLM's fault, the call was not made. */
        BUSY,
        /** The circuit breaker is open: the call was not made. */
        CIRCUIT_OPEN,
        TIMEOUT,
        ERROR,
        /** Empty, too long, uncited or malformed output. */
        UNUSABLE_OUTPUT,
        INTERRUPTED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Whether the LLM itself failed, as the circuit breaker counts it. */
        boolean isLlmFailure() {
            return this == TIMEOUT || this == ERROR || this == UNUSABLE_OUTPUT;
        }
    }
}
