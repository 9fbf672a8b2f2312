package io.sofastack.qa.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Gathers the pieces of an answer being written into updates the platform's rate limits allow: the
 * first piece at once, then one update per {@code flush-chars} or {@code flush-interval}. Knows what
 * was sent, so that the end of the answer sends only the rest.
 */
public final class StreamBuffer {

    private final StreamingProperties properties;
    private final Clock clock;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder sent = new StringBuilder();
    private Instant lastFlush;

    public StreamBuffer(StreamingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes a new piece; returns the text to send now, if an update is due. */
    public synchronized Optional<String> offer(String piece) {
        pending.append(piece);
        Instant now = clock.instant();
        boolean due = lastFlush == null || pending.length() >= properties.flushChars()
                || !now.isBefore(lastFlush.plus(properties.flushInterval()));
        return due ? Optional.of(take(now)) : Optional.empty();
    }

    /** Everything offered since the last update, now (the answer is done, or about to be). */
    public synchronized String drain() {
        return take(clock.instant());
    }

    /** All text sent so far, the drained included. */
    public synchronized String sent() {
        return sent.toString();
    }

    /**
     * What is still to be shown of the final answer after what was sent: the rest when the answer
     * continues what was shown (as {@code AnswerService} promises), or the whole answer after a break
     * when it does not.
     */
    public synchronized String rest(String finalText) {
        String shown = sent.toString() + pending;
        String rest = finalText.startsWith(shown) ? finalText.substring(shown.length()) : (shown.isEmpty() ? "" : "\n\n") + finalText;
        return pending + rest;
    }

    private String take(Instant now) {
        String text = pending.toString();
        pending.setLength(0);
        sent.append(text);
        lastFlush = now;
        return text;
    }
}
