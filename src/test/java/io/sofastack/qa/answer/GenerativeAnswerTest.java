package io.sofastack.qa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Answers written by an LLM (WireMock standing in for an OpenAI-compatible endpoint), and every way it fails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"qa.index.dir=target/test-indexes/generative", "qa.answer.llm-timeout=3s"})
class GenerativeAnswerTest extends LlmStubbedTest {

    private static final String FOUNDING_QUESTION = "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？";


    @Test
    void writesAGroundedAnswerCitingOnlySourcesThatExist() {
        LlmStub.answers(llm, "不正常：杀掉 follower 没有影响，leader 会很快重新选出 [1]。日志只是在找挂掉的节点 [1][7]。");

        Answer answer = answers.ask(FOUNDING_QUESTION, 3);

        assertThat(answer.mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.text()).contains("[1]").doesNotContain("[7]");
        assertThat(answer.sources().get(0).path()).isEqualTo("weekly/2022-02-18-registry-raft-mosn.md");
    }

    @Test
    void fallsBackToTheExtractiveAnswerWhenTheLlmFails() {
        LlmStub.fails(llm, 500);
        Answer answer = answers.ask(FOUNDING_QUESTION, 3);
        assertThat(answer.mode()).isEqualTo(AnswerMode.EXTRACTIVE_FALLBACK);
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.text()).contains("不正常");
    }

    @Test
    void fallsBackWhenTheLlmIsTooSlow() {
        LlmStub.answers(llm, "太晚了 [1]", 8000);
        long started = System.nanoTime();
        Answer answer = answers.ask(FOUNDING_QUESTION, 3);
        assertThat(answer.mode()).isEqualTo(AnswerMode.EXTRACTIVE_FALLBACK);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(6000);
    }

    @Test
    void fallsBackWhenTheLlmReturnsGarbage() {
        LlmStub.returnsGarbage(llm);
        assertThat(answers.ask(FOUNDING_QUESTION, 3).mode()).isEqualTo(AnswerMode.EXTRACTIVE_FALLBACK);
    }

    @Test
    void fallsBackWhenTheAnswerCitesNothingThatExists() {
        LlmStub.answers(llm, "当然正常，参见 [9]。");
        assertThat(answers.ask(FOUNDING_QUESTION, 3).mode()).isEqualTo(AnswerMode.EXTRACTIVE_FALLBACK);
    }

    @Test
    void abstainsWhenTheLlmFindsNoAnswerInTheSources() {
        LlmStub.answers(llm, "NO_ANSWER");
        Answer answer = answers.ask(FOUNDING_QUESTION, 3);
        assertThat(answer.grounded()).isFalse();
        assertThat(answer.mode()).isEqualTo(AnswerMode.GENERATIVE);
    }

    @Test
    void doesNotAskTheLlmWhenRetrievalAbstains() {
        LlmStub.answers(llm, "不该被调用 [1]");
        Answer answer = answers.ask("MOSN 怎么对接 keycloak 做 OIDC 登录？", 3);
        assertThat(answer.grounded()).isFalse();
        assertThat(llm.findAll(postRequestedFor(urlEqualTo(LlmStub.PATH)))).isEmpty();
    }
}
