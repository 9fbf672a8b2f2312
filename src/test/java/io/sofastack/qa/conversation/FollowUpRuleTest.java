package io.sofastack.qa.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a follow-up is read without an LLM. */
class FollowUpRuleTest {

    private final FollowUpRule terms = new FollowUpRule(ConversationProperties.Merge.TERMS, 400);

    @Test
    void aFollowUpTakesTheProductOfTheQuestionItFollows() {
        assertThat(terms.query("SOFARPC 调用的超时时间在哪配？", "那失败了能自动重试吗？")).isEqualTo("那失败了能自动重试吗？ SOFARPC");
    }

    @Test
    void identifiersCarryOverButTheOtherWordsDoNot() {
        assertThat(terms.topicTerms("MOSN 接 Istio 1.10 时 xDS 推送很慢", "那 1.14 呢？")).as("a capitalised word is not an identifier: \"How\" would be one too").containsExactly("MOSN", "1.10", "xDS");
        assertThat(terms.topicTerms("How do I set a timeout for SOFARPC calls?", "and retries?")).containsExactly("SOFARPC");
    }

    @Test
    void whatTheFollowUpRepeatsIsNotAddedTwice() {
        assertThat(terms.query("SOFAJRaft 怎么做快照？", "SOFAJRaft 的日志呢？")).isEqualTo("SOFAJRaft 的日志呢？");
    }

    @Test
    void aFollowUpThatNamesAnotherProductChangesTheTopicAndStandsAlone() {
        assertThat(terms.changesTopic("SOFARPC 的重试怎么配？", "SOFATracer 怎么上报到 Zipkin？")).isTrue();
        assertThat(terms.query("SOFARPC 的重试怎么配？", "SOFATracer 怎么上报到 Zipkin？")).isEqualTo("SOFATracer 怎么上报到 Zipkin？");
        assertThat(terms.changesTopic("MOSN 支持 dubbo 吗？", "MOSN 对接 SOFARPC 呢？")).as("it still names the earlier product").isFalse();
    }

    @Test
    void theOtherRulesAddTheWholeQuestionOrNothing() {
        assertThat(new FollowUpRule(ConversationProperties.Merge.QUESTION, 400).query("SOFARPC 超时怎么配？", "重试呢？"))
                .isEqualTo("重试呢？ SOFARPC 超时怎么配？");
        assertThat(new FollowUpRule(ConversationProperties.Merge.NONE, 400).query("SOFARPC 超时怎么配？", "重试呢？")).isEqualTo("重试呢？");
    }

    @Test
    void aLongChainOfFollowUpsStaysWithinItsLimit() {
        FollowUpRule short_ = new FollowUpRule(ConversationProperties.Merge.QUESTION, 60);
        assertThat(short_.query("很长的问题".repeat(30), "那这个呢？")).hasSize(60).startsWith("那这个呢？");
    }
}
