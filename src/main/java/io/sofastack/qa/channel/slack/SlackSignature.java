package io.sofastack.qa.channel.slack;

import io.sofastack.qa.channel.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Verifies a Slack request: {@code X-Slack-Signature} = "v0=" + hex(HmacSHA256(key = signing secret,
 * "v0:" + timestamp + ":" + raw body)), with {@code X-Slack-Request-Timestamp} (epoch seconds) within
 * the allowed skew of now, either way. Computed over the raw bytes, before any parsing.
 */
final class SlackSignature {

    private final String signingSecret;
    private final Duration maxSkew;
    private final Clock clock;

    SlackSignature(String signingSecret, Duration maxSkew, Clock clock) {
        this.signingSecret = signingSecret;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /** Why the request is not genuine, or {@code null} when it is. */
    String problemWith(String timestamp, String signature, byte[] rawBody) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return "missing X-Slack-Request-Timestamp or X-Slack-Signature header";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "timestamp is not a number";
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > maxSkew.toSeconds()) {
            return "timestamp too far from now";
        }
        byte[] mac = Hmac.sha256(signingSecret, ("v0:" + timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8), rawBody);
        byte[] expected = ("v0=" + HexFormat.of().formatHex(mac)).getBytes(StandardCharsets.US_ASCII);
        return Hmac.same(expected, signature.strip().getBytes(StandardCharsets.US_ASCII)) ? null : "signature does not match";
    }
}
