package io.sofastack.qa.feedback;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Keeps the record within its retention, and shows the open gaps as a gauge ({@code qa_gaps_open}). */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FeedbackConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService answerRecordPruning(AnswerRecords records, FeedbackProperties properties, MeterRegistry meters) {
        Gauge.builder("qa.gaps.open", records, FeedbackConfiguration::openGaps)
                .description("Recorded questions the bot could not answer well (abstained, unsure, unhelpful), within qa.feedback.retention")
                .register(meters);
        ScheduledExecutorService pruning = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("answer-record-prune-"));
        if (properties.enabled()) {
            long every = properties.pruneInterval().toMillis();
            pruning.scheduleWithFixedDelay(() -> prune(records), 0, every, TimeUnit.MILLISECONDS);
        }
        return pruning;
    }

    private static double openGaps(AnswerRecords records) {
        try {
            return records.countGaps();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void prune(AnswerRecords records) {
        try {
            int deleted = records.prune();
            if (deleted > 0) {
                log.info("Deleted {} answer records and votes past qa.feedback.retention or qa.feedback.max-records", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the answer records failed: {}", e.getMessage());
        }
    }
}
