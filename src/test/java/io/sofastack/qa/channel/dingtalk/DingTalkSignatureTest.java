package io.sofastack.qa.channel.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** DingTalk's documented sample values (vector D1 of chat-protocols.md), and the ways a callback fails them. */
class DingTalkSignatureTest {

    static final String SECRET = "this is a secret";
    static final long TIMESTAMP = 1577262236757L;
    static final String SIGN = "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA=";

    private static DingTalkSignature at(long epochMilli) {
        return new DingTalkSignature(SECRET, Duration.ofHours(1), Clock.fixed(Instant.ofEpochMilli(epochMilli), ZoneOffset.UTC));
    }

    @Test
    void acceptsTheDocumentedSample() {
        assertThat(at(TIMESTAMP).problemWith(Long.toString(TIMESTAMP), SIGN)).isNull();
    }

    @Test
    void acceptsUpToAnHourEitherWayAndNoMore() {
        String timestamp = Long.toString(TIMESTAMP);
        assertThat(at(TIMESTAMP + 3_600_000).problemWith(timestamp, SIGN)).isNull();
        assertThat(at(TIMESTAMP - 3_600_000).problemWith(timestamp, SIGN)).isNull();
        assertThat(at(TIMESTAMP + 3_600_001).problemWith(timestamp, SIGN)).isEqualTo("timestamp too far from now");
        assertThat(at(TIMESTAMP - 3_600_001).problemWith(timestamp, SIGN)).isEqualTo("timestamp too far from now");
    }

    @Test
    void refusesAUrlEncodedOrWrongSign() {
        String timestamp = Long.toString(TIMESTAMP);
        assertThat(at(TIMESTAMP).problemWith(timestamp, "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA%3D")).isNotNull();
        assertThat(at(TIMESTAMP).problemWith(timestamp, "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=")).isEqualTo("sign does not match");
        assertThat(at(TIMESTAMP).problemWith(Long.toString(TIMESTAMP + 1), SIGN)).isEqualTo("sign does not match");
    }

    @Test
    void refusesMissingHeaders() {
        assertThat(at(TIMESTAMP).problemWith(null, SIGN)).isNotNull();
        assertThat(at(TIMESTAMP).problemWith(Long.toString(TIMESTAMP), " ")).isNotNull();
    }
}
