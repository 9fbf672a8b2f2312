package io.sofastack.qa.answer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How answers are written.
 *
 * @param maxAnswerChars an extractive answer is trimmed, at a sentence boundary, to this length
 * @param promptsDir the folder of the prompt templates
 * @param llmTimeout how long an LLM answer may take before the extractive answer is served instead
 * @param llmContextSources how many of the best threads the LLM is given as context
 * @param llmContextChars how much of each thread the LLM is given
 * @param llmConcurrency LLM calls in flight at most; a question beyond them gets the extractive answer at once
 * @param llmBreakerWindow the circuit breaker judges the LLM on its last this many calls
 * @param llmBreakerFailureRate the share of failed calls (percent) in that window that opens the circuit
 * @param llmBreakerOpenFor how long an open circuit leaves the LLM alone before probing it with one call
 * @param staleAfter an answer whose source is older than this says how old it is, in one line
 */
@Validated
@ConfigurationProperties("qa.answer")
public record AnswerProperties(@DefaultValue("800") @Min(100) @Max(20000) int maxAnswerChars,
                               @DefaultValue("prompts") @NotBlank String promptsDir,
                               @DefaultValue("20s") Duration llmTimeout,
                               @DefaultValue("4") @Min(1) @Max(10) int llmContextSources,
                               @DefaultValue("1500") @Min(200) @Max(20000) int llmContextChars,
                               @DefaultValue("8") @Min(1) @Max(256) int llmConcurrency,
                               @DefaultValue("10") @Min(1) @Max(1000) int llmBreakerWindow,
                               @DefaultValue("50") @Min(1) @Max(100) float llmBreakerFailureRate,
                               @DefaultValue("30s") Duration llmBreakerOpenFor,
                               @DefaultValue("730d") Duration staleAfter) {
}
