package io.sofastack.qa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A failing LLM is left alone after a few failures, probed again later, and every question is still answered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "qa.index.dir=target/test-indexes/breaker", "qa.answer.llm-timeout=2s",
        "qa.answer.llm-breaker-window=4", "qa.answer.llm-breaker-failure-rate=50", "qa.answer.llm-breaker-open-for=2s"})
class LlmCircuitBreakerTest extends LlmStubbedTest {

    private static final String QUESTION = "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？";

    @Autowired
    MeterRegistry meters;

    private int llmCalls() {
        return llm.findAll(postRequestedFor(urlEqualTo(LlmStub.PATH))).size();
    }

    @Test
    void opensAfterTheConfiguredFailuresAndProbesAgainLater() throws Exception {
        LlmStub.fails(llm, 500);

        for (int i = 0; i < 4; i++) {
            assertThat(answers.ask(QUESTION, 3).mode()).isEqualTo(AnswerMode.EXTRACTIVE_FALLBACK);
        }
        assertThat(llmCalls()).isEqualTo(4);
        assertThat(meters.get("qa.llm.circuit.state").gauge().value()).isEqualTo(1.0);

        // Open: every question is answered at once, and the LLM is not called.
        for (int i = 0; i < 10; i++) {
            assertThat(answers.ask(QUESTION, 3).mode()).isEqualTo(AnswerMode.EXTRACTIVE_FALLBACK);
        }
        assertThat(llmCalls()).isEqualTo(4);
        assertThat(meters.get("qa.llm.errors").tag("kind", "circuit-open").counter().count()).isEqualTo(10);

        // After the open period, one probe; the LLM works again, so the circuit closes.
        Thread.sleep(2100);
        LlmStub.answers(llm, "恢复了 [1]。");
        assertThat(answers.ask(QUESTION, 3).mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(meters.get("qa.llm.circuit.state").gauge().value()).isEqualTo(0.0);
        assertThat(answers.ask(QUESTION, 3).mode()).isEqualTo(AnswerMode.GENERATIVE);
    }
}
