package io.sofastack.qa.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's own worked example ("Verifying requests from Slack"), and the ways a request fails it. */
class SlackSignatureTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignature at(long epochSecond) {
        return new SlackSignature(SECRET, Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsSlacksWorkedExample() {
        assertThat(at(1531420618).problemWith(TIMESTAMP, SIGNATURE, BODY.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void refusesATamperedBody() {
        assertThat(at(1531420618).problemWith(TIMESTAMP, SIGNATURE, (BODY + "x").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("signature does not match");
    }

    @Test
    void refusesStaleAndFutureTimestamps() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(at(1531420618 + 301).problemWith(TIMESTAMP, SIGNATURE, body)).isEqualTo("timestamp too far from now");
        assertThat(at(1531420618 - 301).problemWith(TIMESTAMP, SIGNATURE, body)).isEqualTo("timestamp too far from now");
        assertThat(at(1531420618 + 300).problemWith(TIMESTAMP, SIGNATURE, body)).isNull();
        assertThat(new SlackSignature(SECRET, Duration.ofMinutes(5), Clock.systemUTC()).problemWith(TIMESTAMP, SIGNATURE, body))
                .isNotNull();
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(at(1531420618).problemWith(null, SIGNATURE, body)).isNotNull();
        assertThat(at(1531420618).problemWith(TIMESTAMP, null, body)).isNotNull();
        assertThat(at(1531420618).problemWith("soon", SIGNATURE, body)).isNotNull();
        assertThat(at(1531420618).problemWith(TIMESTAMP, SIGNATURE.toUpperCase(), body)).isNotNull();
        assertThat(at(1531420618).problemWith(TIMESTAMP, "v0=", body)).isNotNull();
    }
}
