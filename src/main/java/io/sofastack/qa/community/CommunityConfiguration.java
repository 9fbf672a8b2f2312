package io.sofastack.qa.community;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The thread that hears maintainers' replies, the refresh that picks up other replicas' reviews, and
 * the gauge of candidates waiting ({@code qa_community_pending}).
 */
@Configuration(proxyBeanMethods = false)
class CommunityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CommunityConfiguration.class);
    /** Replies waiting to be heard; past it they are dropped and logged (a burst of chat is not worth memory). */
    private static final int HEARING_QUEUE = 200;

    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor communityHearing() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(HEARING_QUEUE),
                new CustomizableThreadFactory("community-hear-"), new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService communityRefresh(CommunityAnswers answers, CommunityProperties properties, CommunityStore store,
                                              MeterRegistry meters) {
        Gauge.builder("qa.community.pending", store, CommunityConfiguration::pending)
                .description("Maintainers' answers waiting for review in the community review queue").register(meters);
        ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("community-refresh-"));
        long every = Math.max(1000, properties.refreshInterval().toMillis());
        refresh.scheduleWithFixedDelay(() -> {
            try {
                answers.refresh();
            } catch (RuntimeException e) {
                log.warn("Looking for new community answers failed: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return refresh;
    }

    private static double pending(CommunityStore store) {
        try {
            return store.count(CommunityAnswer.Status.PENDING);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
