package io.sofastack.qa.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat message the bot has accepted to answer, as remembered in the delivery log.
 *
 * @param platform which channel it came from, to hand it back to that channel after a restart
 * @param payload what the channel needs to answer it again, as the channel wrote it
 * @param answered whether the answer has been posted
 * @param expiresAt when the log may forget it
 */
public record Delivery(String platform, String payload, boolean answered, Instant expiresAt) {

    public Delivery {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    Delivery markAnswered() {
        return new Delivery(platform, "", true, expiresAt);
    }
}
