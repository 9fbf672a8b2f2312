package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerService;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
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

    public ChatAnswering(AnswerService answers, DeliveryLog deliveries, List<ChatChannel> channels, ChannelProperties properties) {
        this.answers = answers;
        this.deliveries = deliveries;
        this.channels = channels;
        this.properties = properties;
        this.executor = new ThreadPoolExecutor(properties.answerThreads(), properties.answerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.answerQueue()), new CustomizableThreadFactory("chat-answer-"));
    }

    /**
     * Answers the question on the executor, hands the answer to {@code reply}, then marks the message
     * answered in the delivery log.
     */
    public void answerLater(String question, List<String> deliveryKeys, Consumer<Answer> reply) {
        try {
            executor.execute(() -> {
                try {
                    reply.accept(answers.ask(question, properties.sources()));
                } catch (RuntimeException e) {
                    log.error("Answering a chat question failed", e);
                } finally {
                    deliveries.answered(deliveryKeys);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{} chat questions are waiting already (qa.channel.answer-queue): one is dropped", properties.answerQueue());
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
