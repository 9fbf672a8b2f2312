package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.index.ArchiveIndexer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** An asker over the limit gets one polite line in the thread, and costs no LLM call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/chat-rate-limit", "qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET,
        "qa.slack.bot-token=xoxb-test-token", "qa.rate-limit.per-asker=2", "qa.rate-limit.per-asker-period=1h"})
class ChatRateLimitTest {

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.slack.api-base-url", () -> "http://127.0.0.1:" + platforms.getPort() + "/api");
        LlmStub.pointSpringAiAt(registry, platforms);
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;

    @Test
    void theThirdQuestionInAnHourGetsAPoliteLineAndNoLlmCall() throws Exception {
        indexer.synchronize();
        platforms.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\": true}")));
        LlmStub.answers(platforms, "不正常 [1]。");
        SignedRequests requests = new SignedRequests(port);

        for (int i = 0; i < 3; i++) {
            requests.slackEvent(ChatMessages.slackMention("Ev" + UUID.randomUUID(), "1700000200.00010" + i, null));
            int replies = i + 1;
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size() == replies);
        }

        String third = json.readTree(platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))
                .get(2).getBodyAsString()).get("text").asString();
        assertThat(third).startsWith("提问太频繁了").doesNotContain("http");
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo(LlmStub.PATH)))).hasSize(2);
    }
}
