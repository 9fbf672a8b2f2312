package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DeliveryLogTest {

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    private DeliveryLog open(Clock clock) {
        return ChannelSettings.deliveryLog(dir.toString(), clock);
    }

    @Test
    void aMessageIsClaimedOnceEvenUnderAnotherOfItsKeys() {
        {
            DeliveryLog log = open(Clock.systemUTC());
            assertThat(log.claim("slack", List.of("event:1", "message:C1:1.1"), "payload")).isTrue();
            assertThat(log.claim("slack", List.of("event:1", "message:C1:1.1"), "payload")).isFalse();
            assertThat(log.claim("slack", List.of("event:2", "message:C1:1.1"), "payload")).isFalse();
            assertThat(log.claim("slack", List.of("event:3", "message:C1:1.3"), "payload")).isTrue();
        }
    }

    @Test
    void claimsSurviveARestart() {
        {
            DeliveryLog log = open(Clock.systemUTC());
            log.claim("dingtalk", List.of("dingtalk:m1"), "{}");
            log.advance(List.of("dingtalk:m1"), Delivery.State.POSTED, null);
        }
        {
            DeliveryLog reopened = open(Clock.systemUTC());
            assertThat(reopened.claim("dingtalk", List.of("dingtalk:m1"), "{}")).isFalse();
            assertThat(reopened.unfinished()).isEmpty();
        }
    }

    @Test
    void whatACrashLeftUnansweredIsHandedBack() {
        {
            DeliveryLog log = open(Clock.systemUTC());
            log.claim("slack", List.of("event:9", "message:C1:9.9"), "the event body");
        }
        {
            DeliveryLog reopened = open(Clock.systemUTC());
            assertThat(reopened.unfinished()).singleElement().satisfies(delivery -> {
                assertThat(delivery.platform()).isEqualTo("slack");
                assertThat(delivery.payload()).isEqualTo("the event body");
            });
        }
    }

    @Test
    void everyStepIsRememberedAndAFinishedMessageIsNoLongerPending() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        {
            DeliveryLog log = open(Clock.fixed(start, ZoneOffset.UTC));
            log.claim("slack", List.of("event:5", "message:C1:5.5"), "the event body");
            log.advance(List.of("event:5", "message:C1:5.5"), Delivery.State.ANSWERING, null);
            log.advance(List.of("event:5", "message:C1:5.5"), Delivery.State.ANSWERED, null);
        }
        {
            DeliveryLog reopened = open(Clock.fixed(start, ZoneOffset.UTC));
            assertThat(reopened.unfinished()).singleElement().satisfies(delivery -> {
                assertThat(delivery.state()).isEqualTo(Delivery.State.ANSWERED);
                assertThat(delivery.attempts()).isEqualTo(1);
                assertThat(delivery.receivedAt()).isEqualTo(start);
            });
            reopened.advance(List.of("event:5", "message:C1:5.5"), Delivery.State.FAILED, "refused");
            assertThat(reopened.unfinished()).isEmpty();
            assertThat(reopened.find("message:C1:5.5")).hasValueSatisfying(delivery -> {
                assertThat(delivery.state()).isEqualTo(Delivery.State.FAILED);
                assertThat(delivery.reason()).isEqualTo("refused");
                assertThat(delivery.payload()).as("a finished message keeps no payload").isEmpty();
            });
        }
    }

    @Test
    void anEntryOfTheVersionThatKnewOnlyAnsweredIsRead() throws Exception {
        Delivery answered = json.readValue("{\"platform\":\"slack\",\"payload\":\"\",\"answered\":true,"
                + "\"expiresAt\":\"2026-01-02T00:00:00Z\"}", Delivery.class);
        Delivery pending = json.readValue("{\"platform\":\"slack\",\"payload\":\"body\",\"answered\":false,"
                + "\"expiresAt\":\"2026-01-02T00:00:00Z\"}", Delivery.class);

        assertThat(answered.state()).isEqualTo(Delivery.State.POSTED);
        assertThat(pending.state()).isEqualTo(Delivery.State.RECEIVED);
        assertThat(pending.receivedAt()).as("of unknown age: too old to answer").isEqualTo(Instant.EPOCH);
    }

    @Test
    void forgetsMessagesAfterTheirTimeToLive() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        {
            DeliveryLog log = open(Clock.fixed(start, ZoneOffset.UTC));
            log.claim("slack", List.of("event:old"), "p");
        }
        {
            DeliveryLog later = open(Clock.fixed(start.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
            assertThat(later.unfinished()).isEmpty();
            assertThat(later.claim("slack", List.of("event:old"), "p")).isTrue();
        }
    }

    @Test
    void theLogOfTheVersionBeforeTheDatabaseIsImportedOnceAndKept() throws Exception {
        java.nio.file.Path file = dir.resolve("deliveries.mv.db");
        try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open()) {
            String answered = "{\"platform\":\"slack\",\"payload\":\"\",\"answered\":true,\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
            store.<String, String>openMap("deliveries").put("slack:event:old", answered);
            store.<String, String>openMap("deliveries").put("slack:message:C1:1.1", answered);
            store.commit();
        }
        DeliveryLog log = open(Clock.systemUTC());

        new LegacyDeliveryImport(ChannelSettings.defaults(dir.toString()), log, json);

        assertThat(log.claim("slack", List.of("slack:message:C1:1.1"), "redelivered")).isFalse();
        assertThat(log.find("slack:event:old")).hasValueSatisfying(delivery ->
                assertThat(delivery.state()).isEqualTo(Delivery.State.POSTED));
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("deliveries.mv.db.imported")).exists();
    }
}
