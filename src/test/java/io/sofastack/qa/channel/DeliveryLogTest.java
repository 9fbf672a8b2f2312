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

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Clock at(Duration afterStart) {
        return Clock.fixed(START.plus(afterStart), ZoneOffset.UTC);
    }

    @Test
    void claimsSurviveARestart() {
        DeliveryLog log = open(at(Duration.ZERO));
        log.claim("dingtalk", List.of("dingtalk:m1"), "{}");
        log.advance(List.of("dingtalk:m1"), Delivery.State.POSTED, null);

        DeliveryLog restarted = open(at(Duration.ofMinutes(1)));
        assertThat(restarted.claim("dingtalk", List.of("dingtalk:m1"), "{}")).isFalse();
        assertThat(restarted.takeOver()).as("a posted message is nobody's work").isEmpty();
    }

    @Test
    void whatAStoppedProcessLeftIsTakenOverOnceItsLeaseRanOut() {
        open(at(Duration.ZERO)).claim("slack", List.of("event:9", "message:C1:9.9"), "the event body");

        assertThat(open(at(Duration.ofSeconds(10))).takeOver()).as("its process may still be answering it").isEmpty();
        DeliveryLog survivor = open(at(Duration.ofSeconds(31)));
        assertThat(survivor.takeOver()).singleElement().satisfies(delivery -> {
            assertThat(delivery.platform()).isEqualTo("slack");
            assertThat(delivery.payload()).isEqualTo("the event body");
        });
        assertThat(open(at(Duration.ofSeconds(32))).takeOver()).as("taken by one process only").isEmpty();
    }

    @Test
    void aProcessThatRenewsItsLeaseKeepsItsDeliveries() {
        MovingClock clock = new MovingClock(START);
        DeliveryLog holder = ChannelSettings.deliveryLog(dir.toString(), clock);
        holder.claim("slack", List.of("event:7"), "body");
        clock.advance(Duration.ofSeconds(20));
        holder.renewLeases();
        open(at(Duration.ofSeconds(45))).renewLeases(); // another process's renewal does not extend the hold

        assertThat(open(at(Duration.ofSeconds(45))).takeOver()).isEmpty();
        assertThat(open(at(Duration.ofSeconds(51))).takeOver()).hasSize(1);
    }

    @Test
    void everyStepIsRememberedAndAFinishedMessageIsNoLongerPending() {
        DeliveryLog log = open(at(Duration.ZERO));
        log.claim("slack", List.of("event:5", "message:C1:5.5"), "the event body");
        log.advance(List.of("event:5", "message:C1:5.5"), Delivery.State.ANSWERING, null);
        log.advance(List.of("event:5", "message:C1:5.5"), Delivery.State.ANSWERED, null);

        DeliveryLog restarted = open(at(Duration.ofMinutes(1)));
        assertThat(restarted.takeOver()).singleElement().satisfies(delivery -> {
            assertThat(delivery.state()).isEqualTo(Delivery.State.ANSWERED);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.receivedAt()).isEqualTo(START);
        });
        restarted.advance(List.of("event:5", "message:C1:5.5"), Delivery.State.FAILED, "refused");
        assertThat(open(at(Duration.ofMinutes(5))).takeOver()).isEmpty();
        assertThat(restarted.find("message:C1:5.5")).hasValueSatisfying(delivery -> {
            assertThat(delivery.state()).isEqualTo(Delivery.State.FAILED);
            assertThat(delivery.reason()).isEqualTo("refused");
            assertThat(delivery.payload()).as("a finished message keeps no payload").isEmpty();
        });
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
        open(at(Duration.ZERO)).claim("slack", List.of("event:old"), "p");

        DeliveryLog later = open(at(Duration.ofMinutes(61)));
        assertThat(later.takeOver()).isEmpty();
        assertThat(later.claim("slack", List.of("event:old"), "p")).isTrue();
    }

    @Test
    void aMessageWhoseTimeToLiveRanOutWhileTheProcessRanMayBeClaimedAgainUnderAnyOfItsKeys() {
        MovingClock moving = new MovingClock(START);
        DeliveryLog log = open(moving);
        assertThat(log.claim("slack", List.of("event:1", "message:C1:1.1"), "first")).isTrue();
        assertThat(log.claim("slack", List.of("message:C1:1.1"), "again")).as("within its time to live").isFalse();

        moving.advance(Duration.ofHours(25));
        assertThat(log.claim("slack", List.of("message:C1:1.1", "event:1"), "after a day")).isTrue();
        assertThat(log.find("event:1")).hasValueSatisfying(delivery -> assertThat(delivery.payload()).isEqualTo("after a day"));
        assertThat(log.claim("slack", List.of("event:1"), "redelivered")).isFalse();
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
