package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DeliveryLogTest {

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    private DeliveryLog open(Clock clock) {
        return new DeliveryLog(new ChannelProperties(65536, dir.toString(), Duration.ofHours(1), 1, 10, 3, 1, Duration.ofSeconds(3), Duration.ofSeconds(10)), json, clock,
                new SimpleMeterRegistry());
    }

    @Test
    void aMessageIsClaimedOnceEvenUnderAnotherOfItsKeys() {
        try (DeliveryLog log = open(Clock.systemUTC())) {
            assertThat(log.claim("slack", List.of("event:1", "message:C1:1.1"), "payload")).isTrue();
            assertThat(log.claim("slack", List.of("event:1", "message:C1:1.1"), "payload")).isFalse();
            assertThat(log.claim("slack", List.of("event:2", "message:C1:1.1"), "payload")).isFalse();
            assertThat(log.claim("slack", List.of("event:3", "message:C1:1.3"), "payload")).isTrue();
        }
    }

    @Test
    void claimsSurviveARestart() {
        try (DeliveryLog log = open(Clock.systemUTC())) {
            log.claim("dingtalk", List.of("dingtalk:m1"), "{}");
            log.answered(List.of("dingtalk:m1"));
        }
        try (DeliveryLog reopened = open(Clock.systemUTC())) {
            assertThat(reopened.claim("dingtalk", List.of("dingtalk:m1"), "{}")).isFalse();
            assertThat(reopened.unanswered()).isEmpty();
        }
    }

    @Test
    void whatACrashLeftUnansweredIsHandedBack() {
        try (DeliveryLog log = open(Clock.systemUTC())) {
            log.claim("slack", List.of("event:9", "message:C1:9.9"), "the event body");
        }
        try (DeliveryLog reopened = open(Clock.systemUTC())) {
            assertThat(reopened.unanswered()).singleElement().satisfies(delivery -> {
                assertThat(delivery.platform()).isEqualTo("slack");
                assertThat(delivery.payload()).isEqualTo("the event body");
            });
        }
    }

    @Test
    void forgetsMessagesAfterTheirTimeToLive() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (DeliveryLog log = open(Clock.fixed(start, ZoneOffset.UTC))) {
            log.claim("slack", List.of("event:old"), "p");
        }
        try (DeliveryLog later = open(Clock.fixed(start.plus(Duration.ofMinutes(61)), ZoneOffset.UTC))) {
            assertThat(later.unanswered()).isEmpty();
            assertThat(later.claim("slack", List.of("event:old"), "p")).isTrue();
        }
    }
}
