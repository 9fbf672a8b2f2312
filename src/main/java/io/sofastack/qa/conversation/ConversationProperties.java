package io.sofastack.qa.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Follow-up questions.
 *
 * @param enabled read a question together with the one it follows; off: every question stands alone
 * @param window in a flat chat (a DingTalk group, a Slack direct message) a question from the same
 *        asker this soon after their last one follows it
 * @param threadWindow in a thread (Slack, or an ask-API {@code conversationId}) a question follows the
 *        thread's last one this long after it
 * @param merge how a follow-up is read without an LLM: {@code terms} adds the product names and
 *        identifiers of the question it follows, {@code products} only its product names, {@code question}
 *        adds that whole question, {@code none} reads it alone. {@code terms} was chosen on one half of the team's follow-up cases and
 *        measured on the other (README, "Follow-up questions").
 * @param rewriteWithLlm with an LLM configured, it rewrites the follow-up into a question that stands
 *        alone (Spring AI's {@code CompressionQueryTransformer}); on failure the merge rule is used
 * @param rewriteTimeout how long that rewrite may take before the merge rule is used instead
 * @param maxQueryChars a merged query is cut to this length, so that a long chain of follow-ups stays short
 */
@Validated
@ConfigurationProperties("qa.conversation")
public record ConversationProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("10m") Duration window,
                                     @DefaultValue("24h") Duration threadWindow,
                                     @DefaultValue("terms") Merge merge,
                                     @DefaultValue("true") boolean rewriteWithLlm,
                                     @DefaultValue("5s") Duration rewriteTimeout,
                                     @DefaultValue("400") @Min(50) @Max(4000) int maxQueryChars) {

    /** How a follow-up is read without an LLM. */
    public enum Merge {
        NONE, QUESTION, TERMS, PRODUCTS
    }
}
