package io.sofastack.qa.feedback;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The report of what the bot could not answer.
 *
 * @param period what a report covers when no {@code from} is given: this long back from now
 * @param maxQuestions at most this many gap questions, the newest, are clustered in one report
 * @param clusterSimilarity two groups of questions merge while their mean cosine similarity is at least
 *        this; chosen on the archive's own questions (README, "What the bot could not answer")
 * @param samples sample questions shown per cluster
 * @param terms terms in a cluster's label
 */
@Validated
@ConfigurationProperties("qa.gaps")
public record GapProperties(@DefaultValue("30d") Duration period,
                            @DefaultValue("1000") @Min(1) @Max(5000) int maxQuestions,
                            @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double clusterSimilarity,
                            @DefaultValue("5") @Min(1) @Max(50) int samples,
                            @DefaultValue("3") @Min(1) @Max(10) int terms) {
}
