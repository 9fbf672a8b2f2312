package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerLog;
import io.sofastack.qa.answer.AnswerService;
import io.sofastack.qa.retrieval.Retrieval;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Answers chat questions off the webhook's thread, on the named {@code chat-answer-} executor, so that
 * a webhook is acknowledged at once however long answering takes. A failure while answering is logged
 * and never kills the executor. At start-up it answers what a crash left unanswered.
 */
@Component
public class ChatAnswering implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatAnswering.class);

    private final AnswerService answers;
    private final DeliveryLog deliveries;
    private final List<ChatChannel> channels;
    private final ChannelProperties properties;
    private final ThreadPoolExecutor executor;
    private final Semaphore retrievals;
    private final RateLimits rateLimits;
    private final AnswerLog answerLog;

    public ChatAnswering(AnswerService answers, DeliveryLog deliveries, List<ChatChannel> channels, ChannelProperties properties,
                         RateLimits rateLimits, AnswerLog answerLog) {
        this.answers = answers;
        this.answerLog = answerLog;
        this.rateLimits = rateLimits;
        this.deliveries = deliveries;
        this.channels = channels;
        this.properties = properties;
        this.executor = new ThreadPoolExecutor(properties.answerThreads(), properties.answerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.answerQueue()), new CustomizableThreadFactory("chat-answer-"));
        this.retrievals = new Semaphore(properties.concurrentRetrievals());
    }

    /**
     * Answers the question on the executor, hands the answer to {@code reply}, then marks the message
     * answered in the delivery log. A rate-limited asker or conversation gets one polite line instead,
     * and costs no retrieval and no LLM call; so does a question asked before the first index is built.
     */
    public void answerLater(Asked asked, Consumer<Answer> reply) {
        try {
            executor.execute(() -> {
                long started = System.nanoTime();
                try {
                    Answer answer;
                    Optional<Duration> wait = rateLimits.acquire(asked.asker(), asked.conversation());
                    if (wait.isPresent()) {
                        answer = answers.rateLimited(asked.question(), wait.get());
                    } else if (!answers.isReady()) {
                        answer = answers.notReady(asked.question());
                    } else {
                        answer = answers.answer(asked.question(), retrieve(asked.question()), properties.sources());
                    }
                    answerLog.answered(asked.platform(), asked.question(), answer, System.nanoTime() - started);
                    reply.accept(answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.error("Answering a chat question failed", e);
                } finally {
                    deliveries.answered(asked.deliveryKeys());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{} chat questions are waiting already (qa.channel.answer-queue): one is dropped", properties.answerQueue());
        }
    }

    /**
     * A question asked in a chat.
     *
     * @param platform the channel it came from, for logs and metrics
     * @param asker who asked, as the platform names them
     * @param conversation where it was asked
     * @param deliveryKeys its keys in the delivery log
     */
    public record Asked(String platform, String question, String asker, String conversation, List<String> deliveryKeys) {
    }

    /**
     * Retrieval takes CPU; only a few chat answers retrieve at once, so that a burst of questions never
     * starves the threads that acknowledge webhooks. Waiting for the LLM takes none and is not limited here.
     */
    private Retrieval retrieve(String question) throws InterruptedException {
        retrievals.acquire();
        try {
            return answers.retrieve(question, properties.sources());
        } finally {
            retrievals.release();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void answerWhatACrashLeftBehind() {
        for (Delivery delivery : deliveries.unanswered()) {
            channels.stream().filter(channel -> channel.platform().equals(delivery.platform())).findFirst()
                    .ifPresent(channel -> {
                        log.info("Answering a {} message accepted before the last restart", delivery.platform());
                        channel.answerLogged(delivery.payload());
                    });
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
