package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the pieces of an answer become updates a platform's rate limits allow. */
class StreamBufferTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final StreamBuffer buffer = new StreamBuffer(new StreamingProperties(true, 10, Duration.ofSeconds(1)), clock);

    @Test
    void theFirstPieceGoesOutAtOnceAndLaterOnesWhenEnoughGatheredOrTimePassed() {
        assertThat(buffer.offer("开头")).contains("开头");
        assertThat(buffer.offer("一点")).isEmpty();
        assertThat(buffer.offer("再多一些文字，够了")).contains("一点再多一些文字，够了");
        assertThat(buffer.offer("慢")).isEmpty();
        clock.advance(Duration.ofMillis(1000));
        assertThat(buffer.offer("的")).contains("慢的");
        assertThat(buffer.sent()).isEqualTo("开头一点再多一些文字，够了慢的");
    }

    @Test
    void theEndSendsOnlyWhatTheFinalAnswerAddsToWhatWasShown() {
        buffer.offer("回答");
        buffer.offer("写了");
        assertThat(buffer.rest("回答写了一半。\n\n_摘录_")).isEqualTo("写了一半。\n\n_摘录_");
    }

    @Test
    void aFinalAnswerThatDoesNotContinueWhatWasShownComesWholeAfterABreak() {
        buffer.offer("回答");
        assertThat(buffer.rest("另一个回答")).isEqualTo("\n\n另一个回答");
    }
}
