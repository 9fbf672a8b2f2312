package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.channel.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Verifies a DingTalk callback: {@code sign} = Base64(HmacSHA256(key = app secret, timestamp + "\n" +
 * app secret)), with {@code timestamp} (epoch milliseconds) within the allowed skew of now, either way.
 * The signature does not cover the body, so dedupe and the robot-code check do the rest.
 */
final class DingTalkSignature {

    private final String appSecret;
    private final Duration maxSkew;
    private final Clock clock;

    DingTalkSignature(String appSecret, Duration maxSkew, Clock clock) {
        this.appSecret = appSecret;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /** Why the request is not genuine, or {@code null} when it is. */
    String problemWith(String timestamp, String sign) {
        if (timestamp == null || sign == null || timestamp.isBlank() || sign.isBlank()) {
            return "missing timestamp or sign header";
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "timestamp is not a number";
        }
        if (Math.abs(clock.millis() - millis) > maxSkew.toMillis()) {
            return "timestamp too far from now";
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(sign.strip());
        } catch (IllegalArgumentException e) {
            return "sign is not Base64";
        }
        byte[] expected = Hmac.sha256(appSecret, (timestamp.strip() + "\n" + appSecret).getBytes(StandardCharsets.UTF_8));
        return Hmac.same(expected, given) ? null : "sign does not match";
    }
}
