package io.sofastack.qa.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the chat channels share.
 *
 * @param maxBodyBytes webhook bodies larger than this are refused with 413 before they are read
 * @param stateDir where the delivery log (seen message ids) is kept; survives restarts
 * @param dedupeTtl how long a delivered message id is remembered (platforms redeliver for minutes)
 * @param answerThreads threads that answer chat questions after the webhook has been acknowledged
 * @param answerQueue questions waiting for an answer thread at most
 * @param sources sources listed under a chat answer
 * @param concurrentRetrievals chat answers that retrieve at once (retrieval takes CPU; waiting for the LLM does not)
 * @param connectTimeout how long a reply to a platform may take to connect
 * @param readTimeout how long a platform may take to answer a reply's request
 * @param maxAnswerAge a message older than this when its turn comes (or after a restart) is abandoned, not answered late
 * @param postAttempts how many times a reply that certainly did not reach the platform is tried in all
 * @param postBackoff the wait before the second try; it doubles for each further one
 * @param lease how long a process holds the deliveries it answers without renewing its hold (it renews
 *        every third of it); a delivery whose process died is taken over by another one after it
 * @param quietOnSmallTalk no answer to a message that only greets, thanks or acknowledges
 * @param quietAfterHumanReply no answer in a thread where someone other than the asker (and no bot)
 *        replied after the question; mentioning the bot again asks again
 * @param unmentionedMinConfidence where the bot listens without a mention, it answers a question only
 *        this sure, and otherwise says nothing at all (0.7: on the answerability model's held-out
 *        synthetic folds, the lowest tenth that refuses 95 % of unanswerable retrievals; calibration.md)
 * @param socketKeepAlive a platform WebSocket (Socket Mode, Stream mode) silent this long is pinged, and
 *        one silent twice this long is replaced by a new connection
 */
@Validated
@ConfigurationProperties("qa.channel")
public record ChannelProperties(@DefaultValue("65536") @Min(1024) @Max(10_000_000) int maxBodyBytes,
                                @DefaultValue("qa-state") @NotBlank String stateDir,
                                @DefaultValue("24h") Duration dedupeTtl,
                                @DefaultValue("16") @Min(1) @Max(256) int answerThreads,
                                @DefaultValue("500") @Min(1) @Max(100_000) int answerQueue,
                                @DefaultValue("3") @Min(1) @Max(10) int sources,
                                @DefaultValue("1") @Min(1) @Max(64) int concurrentRetrievals,
                                @DefaultValue("3s") Duration connectTimeout,
                                @DefaultValue("10s") Duration readTimeout,
                                @DefaultValue("10m") Duration maxAnswerAge,
                                @DefaultValue("3") @Min(1) @Max(10) int postAttempts,
                                @DefaultValue("2s") Duration postBackoff,
                                @DefaultValue("30s") Duration lease,
                                @DefaultValue("true") boolean quietOnSmallTalk,
                                @DefaultValue("true") boolean quietAfterHumanReply,
                                @DefaultValue("0.7") @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.DecimalMax("1")
                                double unmentionedMinConfidence,
                                @DefaultValue("60s") Duration socketKeepAlive) {
}
