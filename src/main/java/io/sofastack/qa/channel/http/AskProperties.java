package io.sofastack.qa.channel.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the ask API.
 *
 * @param maxQuestionChars longer questions are refused with 413
 * @param defaultTopK sources returned when the request does not say
 * @param maxTopK the most sources a request may ask for
 * @param maxConversationIdChars the longest {@code conversationId} a request may name
 * @param streamThreads {@code POST /api/ask/stream} answers this many questions at once; more get 503
 * @param streamTimeout a stream still open after this long is closed
 */
@Validated
@ConfigurationProperties("qa.ask")
public record AskProperties(@DefaultValue("2000") @Min(1) @Max(100000) int maxQuestionChars,
                            @DefaultValue("5") @Min(1) @Max(50) int defaultTopK,
                            @DefaultValue("10") @Min(1) @Max(50) int maxTopK,
                            @DefaultValue("200") @Min(8) @Max(500) int maxConversationIdChars,
                            @DefaultValue("8") @Min(1) @Max(256) int streamThreads,
                            @DefaultValue("60s") java.time.Duration streamTimeout) {
}
