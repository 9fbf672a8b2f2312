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
 * The record of answers, feedback and gaps.
 *
 * @param enabled record answers and take feedback; off: nothing is stored, feedback gets 404
 * @param retention answers and feedback older than this are deleted
 * @param maxRecords at most this many answers are kept; the oldest go first
 * @param redact questions are stored with e-mail addresses, tokens and phone numbers replaced
 * @param keepUserIds store who gave feedback; off (the default), only a one-way hash per answer, enough
 *        to count one vote per person and answer
 * @param maxCommentChars a feedback comment is cut to this length
 * @param lowConfidence a grounded answer below this confidence counts as a gap; confidence is a
 *        calibrated probability of being right, so below one half the answer is more likely wrong
 * @param pruneInterval how often expired records are deleted
 */
@Validated
@ConfigurationProperties("qa.feedback")
public record FeedbackProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("90d") Duration retention,
                                 @DefaultValue("100000") @Min(100) int maxRecords,
                                 @DefaultValue("true") boolean redact,
                                 @DefaultValue("false") boolean keepUserIds,
                                 @DefaultValue("1000") @Min(0) @Max(10000) int maxCommentChars,
                                 @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double lowConfidence,
                                 @DefaultValue("1h") Duration pruneInterval) {
}
