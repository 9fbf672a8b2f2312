package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a chat answer and records what became of it in the delivery log, never posting twice:
 *
 * <ul>
 *   <li>A post that certainly did not reach the platform is tried again after a doubling backoff,
 *       {@code qa.channel.post-attempts} times in all, while the answer is young enough.</li>
 *   <li>One whose fate is unknown is tried again only when the platform can tell that it does not
 *       have it (Slack: the thread is read back); otherwise it fails as in doubt.</li>
 * </ul>
 *
 * It also asks a question's platform about it (whether a person replied since), for {@link ChatAnswering}.
 */
final class ReplyPosting {

    private static final Logger log = LoggerFactory.getLogger(ReplyPosting.class);

    private final DeliveryLog deliveries;
    private final List<ChatChannel> channels;
    private final ChannelProperties properties;
    private final ScheduledExecutorService retries;
    private final Executor executor;

    ReplyPosting(DeliveryLog deliveries, List<ChatChannel> channels, ChannelProperties properties,
                 ScheduledExecutorService retries, Executor executor) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.properties = properties;
        this.retries = retries;
        this.executor = executor;
    }

    /** Whether a person other than the asker replied since the question, as far as the platform can tell. */
    boolean othersReplied(ChatAnswering.Asked asked) {
        return askPlatform(asked, "whether someone replied", (channel, delivery) -> Optional.of(channel.othersReplied(delivery)))
                .orElse(false);
    }

    /**
     * Asks the question's platform about its logged delivery; empty when there is no such platform or
     * delivery, or when asking fails (logged): the caller then goes on as if the platform could not tell.
     */
    private <T> Optional<T> askPlatform(ChatAnswering.Asked asked, String what,
                                        java.util.function.BiFunction<ChatChannel, Delivery, Optional<T>> question) {
        Optional<ChatChannel> channel = channels.stream().filter(one -> one.platform().equals(asked.platform())).findFirst();
        if (channel.isEmpty() || asked.deliveryKeys().isEmpty()) {
            return Optional.empty();
        }
        try {
            return deliveries.find(asked.deliveryKeys().get(0)).flatMap(delivery -> question.apply(channel.get(), delivery));
        } catch (RuntimeException e) {
            log.warn("Asking {} {} failed: {}", asked.platform(), what, e.getMessage());
            return Optional.empty();
        }
    }

    void post(ChatAnswering.Asked asked, ChatReply reply, Answer answer, int attempt) {
        PostOutcome outcome = safely(reply, answer);
        switch (outcome) {
            case POSTED -> finish(asked, Delivery.State.POSTED, "posted", null);
            case REFUSED -> finish(asked, Delivery.State.FAILED, "refused", "the platform refused the reply");
            case IN_DOUBT -> {
                Optional<Boolean> posted = askWhetherPosted(asked);
                if (posted.isEmpty()) {
                    finish(asked, Delivery.State.FAILED, "in-doubt", "the platform may have the reply: it is not posted again");
                } else if (posted.get()) {
                    finish(asked, Delivery.State.POSTED, "found-after-doubt", null);
                } else {
                    retry(asked, reply, answer, attempt);
                }
            }
            case RETRYABLE -> retry(asked, reply, answer, attempt);
        }
    }

    /** Whether the platform has the answer to this question, when it can tell. */
    private Optional<Boolean> askWhetherPosted(ChatAnswering.Asked asked) {
        return askPlatform(asked, "whether a reply arrived", ChatChannel::wasPosted);
    }

    /** Tries the post again after a doubling backoff, while attempts and the answer's age allow. */
    private void retry(ChatAnswering.Asked asked, ChatReply reply, Answer answer, int attempt) {
        Duration backoff = properties.postBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        if (attempt >= properties.postAttempts() || deliveries.tooOld(asked.receivedAt().minus(backoff))) {
            finish(asked, Delivery.State.FAILED, "retries-exhausted", "not posted after " + attempt + " attempts");
            return;
        }
        log.info("A {} reply was not posted (attempt {} of {}): trying again in {}", asked.platform(), attempt,
                properties.postAttempts(), backoff);
        retries.schedule(() -> retryLater(asked, reply, answer, attempt + 1), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retryLater(ChatAnswering.Asked asked, ChatReply reply, Answer answer, int attempt) {
        try {
            executor.execute(() -> post(asked, reply, answer, attempt));
        } catch (RejectedExecutionException e) {
            finish(asked, Delivery.State.FAILED, "busy", "qa.channel.answer-queue was full when the post was tried again");
        }
    }

    /** Posts once; a reply that throws may have reached the platform, so it counts as in doubt. */
    static PostOutcome safely(ChatReply reply, Answer answer) {
        try {
            return reply.post(answer);
        } catch (RuntimeException e) {
            log.error("Posting a chat reply failed", e);
            return PostOutcome.IN_DOUBT;
        }
    }

    void finish(ChatAnswering.Asked asked, Delivery.State state, String reason, String why) {
        deliveries.finish(asked.platform(), asked.deliveryKeys(), state, reason, why);
    }
}
