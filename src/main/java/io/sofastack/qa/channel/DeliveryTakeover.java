package io.sofastack.qa.channel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Looks after the deliveries once the application is ready: renews this process's hold on what it
 * answers every third of {@code qa.channel.lease}, and every half lease takes over what a stopped
 * process (this one before a restart, or another replica) left unfinished. A message not answered
 * yet is answered; one too old is abandoned; one whose answer was being posted may have been posted:
 * it is posted only when the platform says it does not have it (Slack reads the thread back), and
 * abandoned and counted where it cannot tell (DingTalk), so that nothing is posted twice.
 */
@Component
class DeliveryTakeover implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTakeover.class);

    private final DeliveryLog deliveries;
    private final List<ChatChannel> channels;
    private final ChannelProperties properties;
    private final ScheduledThreadPoolExecutor scheduler =
            new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("chat-takeover-"));

    DeliveryTakeover(DeliveryLog deliveries, List<ChatChannel> channels, ChannelProperties properties) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long renewEvery = Math.max(1, properties.lease().toMillis() / 3);
        long sweepEvery = Math.max(1, properties.lease().toMillis() / 2);
        scheduler.scheduleWithFixedDelay(() -> guarded(deliveries::renewLeases), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded(this::takeOverWhatWasLeft), 0, sweepEvery, TimeUnit.MILLISECONDS);
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Looking after the chat deliveries failed; trying again later", e);
        }
    }

    void takeOverWhatWasLeft() {
        for (Delivery delivery : deliveries.takeOver()) {
            Optional<ChatChannel> channel = channels.stream().filter(one -> one.platform().equals(delivery.platform())).findFirst();
            if (channel.isEmpty()) {
                continue;
            }
            if (delivery.state() == Delivery.State.ANSWERED) {
                // Its answer was being posted when its process stopped: the platform may have it.
                Optional<Boolean> posted = channel.get().wasPosted(delivery);
                if (posted.isEmpty()) {
                    finish(channel.get(), delivery, Delivery.State.ABANDONED, "in-doubt",
                            "its answer was being posted when its process stopped: abandoned, so that it is never posted twice");
                    continue;
                }
                if (posted.get()) {
                    finish(channel.get(), delivery, Delivery.State.POSTED, "found-after-stop",
                            "its answer was found on the platform after its process stopped");
                    continue;
                }
                // Not there: it was never posted, and may be answered now.
            }
            if (deliveries.tooOld(delivery.receivedAt())) {
                finish(channel.get(), delivery, Delivery.State.ABANDONED, "too-old",
                        "left by a stopped process, it is older than qa.channel.max-answer-age");
                continue;
            }
            log.info("Answering a {} message that a stopped process left unanswered", delivery.platform());
            channel.get().answerLogged(delivery);
        }
    }

    private void finish(ChatChannel channel, Delivery delivery, Delivery.State state, String reason, String why) {
        deliveries.finish(delivery.platform(), channel.deliveryKeys(delivery), state, reason, why);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
