package io.sofastack.qa.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat message the bot has accepted to answer, as remembered in the delivery log.
 *
 * @param platform which channel it came from, to hand it back to that channel after a restart
 * @param payload what the channel needs to answer it again, as the channel wrote it (empty once finished)
 * @param state how far answering it has come
 * @param attempts how many times answering it was started
 * @param receivedAt when it was accepted: a message too old to be useful is abandoned, not answered
 * @param expiresAt when the log may forget it
 * @param reason why it failed or was abandoned, or {@code null}
 */
public record Delivery(String platform, String payload, State state, Integer attempts, Instant receivedAt, Instant expiresAt,
                       String reason) {

    /** received → answering → answered → posted, or failed or abandoned with a reason. */
    public enum State {
        RECEIVED, ANSWERING, ANSWERED, POSTED, FAILED, ABANDONED,
        /** The bot chose to say nothing (a quiet rule: small talk, a person answered, not sure enough). */
        QUIET;

        public boolean finished() {
            return this == POSTED || this == FAILED || this == ABANDONED || this == QUIET;
        }
    }

    public Delivery {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (state == null) {
            // Written by a version that knew only "answered": it emptied the payload of answered ones.
            state = payload.isEmpty() ? State.POSTED : State.RECEIVED;
        }
        if (attempts == null) {
            attempts = 0;
        }
        if (receivedAt == null) {
            // Its age is unknown: it is treated as too old to answer rather than answered hours late.
            receivedAt = Instant.EPOCH;
        }
    }

    static Delivery received(String platform, String payload, Instant now, Instant expiresAt) {
        return new Delivery(platform, payload, State.RECEIVED, 0, now, expiresAt, null);
    }

    Delivery advanced(State next, String why) {
        return new Delivery(platform, next.finished() ? "" : payload, next, next == State.ANSWERING ? attempts + 1 : attempts,
                receivedAt, expiresAt, why);
    }
}
