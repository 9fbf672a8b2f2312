package io.sofastack.qa.answer;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an answer was written. */
public enum AnswerMode {
    /** The best thread's own answer, cleaned. */
    EXTRACTIVE("extractive"),
    /** Written by the LLM from the retrieved threads. */
    GENERATIVE("generative"),
    /** The LLM was asked but failed, timed out or returned nothing usable: the extractive answer instead. */
    EXTRACTIVE_FALLBACK("extractive-fallback"),
    /**
     * Not an answer but a notice: a greeting back, "busy", "too fast", "still indexing". Nothing was
     * looked up, so there is nothing to rate or to record.
     */
    NOTICE("notice");

    private final String wireName;

    AnswerMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
