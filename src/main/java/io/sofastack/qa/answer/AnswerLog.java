package io.sofastack.qa.answer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One structured log line and the metrics of every answered question: latency by mode, retrieval
 * confidence, abstentions. The question itself is logged only at DEBUG: it may hold personal data.
 */
@Component
public class AnswerLog {

    private static final Logger log = LoggerFactory.getLogger(AnswerLog.class);

    private final MeterRegistry meters;
    private final DistributionSummary confidence;

    public AnswerLog(MeterRegistry meters) {
        this.meters = meters;
        this.confidence = DistributionSummary.builder("qa.retrieval.confidence")
                .description("Confidence of the best thread, per answered question")
                .serviceLevelObjectives(0.25, 0.5, 0.75).register(meters);
    }

    /** @param channel where the question came from: http, slack, slack-command, dingtalk */
    public void answered(String channel, String question, Answer answer, long nanos) {
        Timer.builder("qa.ask.latency").description("Time to answer a question, by channel and mode")
                .tag("channel", channel).tag("mode", answer.mode().wireName()).tag("grounded", Boolean.toString(answer.grounded()))
                .publishPercentiles(0.5, 0.99).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        confidence.record(answer.confidence());
        if (!answer.grounded()) {
            meters.counter("qa.ask.abstentions", "channel", channel).increment();
        }
        log.info("answered channel={} mode={} grounded={} confidence={} sources={} tookMs={}", channel,
                answer.mode().wireName(), answer.grounded(), String.format("%.3f", answer.confidence()),
                answer.sources().stream().map(Source::id).collect(Collectors.joining(",")), nanos / 1_000_000);
        log.debug("question channel={} text={}", channel, question);
    }
}
