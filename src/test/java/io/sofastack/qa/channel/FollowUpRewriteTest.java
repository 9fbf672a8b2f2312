package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * With an LLM, a follow-up is rewritten into a question that stands alone (Spring AI's
 * CompressionQueryTransformer) and retrieved as that; an LLM too slow for it leaves the merge rule to
 * read the follow-up. WireMock plays the LLM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/follow-up-rewrite", "qa.conversation.rewrite-timeout=4s", "qa.rate-limit.enabled=false"})
class FollowUpRewriteTest {

    private static final String REWRITTEN = "SOFAJRaft 五个节点的集群停掉两个节点后还能选出 leader 吗？";

    @RegisterExtension
    static WireMockExtension llm = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        LlmStub.pointSpringAiAt(registry, llm);
        registry.add("qa.channel.state-dir", () -> "target/test-state/follow-up-rewrite-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        indexer.synchronize();
        LlmStub.answers(llm, "不正常 [1]。");
    }

    private void ask(String question, String conversation) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("question", question, "conversationId", conversation))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String storedQuery(String conversation) {
        return jdbc.sql("select query from conversation_turn where conversation_key = ?").param("api:" + conversation).query(String.class).single();
    }

    private void rewritesWith(String text, int delayMillis) {
        llm.stubFor(post(urlEqualTo(LlmStub.PATH)).withRequestBody(containing("follow-up query"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMillis).withBody(LlmStub.completion(text))));
    }

    @Test
    void theLlmRewritesAFollowUpIntoAQuestionThatStandsAlone() throws Exception {
        rewritesWith(REWRITTEN, 0);
        String conversation = UUID.randomUUID().toString();
        ask("SOFAJRaft 三节点集群停掉一个节点后一直在选举，正常吗？", conversation);
        ask("那 5 个节点停掉两个呢？", conversation);

        assertThat(storedQuery(conversation)).isEqualTo(REWRITTEN);
    }

    @Test
    void anLlmTooSlowToRewriteLeavesTheFollowUpToTheMergeRule() throws Exception {
        rewritesWith(REWRITTEN, 8_000);
        String conversation = UUID.randomUUID().toString();
        ask("SOFAJRaft 三节点集群停掉一个节点后一直在选举，正常吗？", conversation);
        ask("那 5 个节点停掉两个呢？", conversation);

        assertThat(storedQuery(conversation)).isEqualTo("那 5 个节点停掉两个呢？ SOFAJRaft");
    }
}
