package io.sofastack.qa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.index.ArchiveIndexer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the tests of LLM answers share: an OpenAI-compatible stub on 127.0.0.1 (started for each test
 * class, reset for each test), Spring AI pointed at it, and the sample archive indexed.
 */
abstract class LlmStubbedTest {

    @RegisterExtension
    static WireMockExtension llm = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void pointSpringAiAtTheStub(DynamicPropertyRegistry registry) {
        LlmStub.pointSpringAiAt(registry, llm);
    }

    @Autowired
    AnswerService answers;
    @Autowired
    ArchiveIndexer indexer;

    @BeforeEach
    void indexIsReady() {
        assertThat(indexer.synchronize().ready()).isTrue();
    }
}
