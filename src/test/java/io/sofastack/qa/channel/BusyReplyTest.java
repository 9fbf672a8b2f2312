package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.index.ArchiveIndexer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One answering thread and room for one waiting question, while the LLM takes 8 s: the third question
 * asked at once gets the one-line busy reply at once instead of silence, and is recorded as abandoned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/busy", "qa.channel.answer-threads=1", "qa.channel.answer-queue=1",
        "qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1", "qa.answer.llm-timeout=15s",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class BusyReplyTest {

    private static final String SESSION_WEBHOOK = "/robot/sendBySession";

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.channel.state-dir", () -> "target/test-state/busy-" + UUID.randomUUID());
        LlmStub.pointSpringAiAt(registry, platforms);
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    DeliveryLog deliveries;

    @Test
    void whenTheQueueIsFullTheAskerIsToldAtOnce() throws Exception {
        indexer.synchronize();
        LlmStub.answers(platforms, "慢慢来 [1]。", 8_000);
        platforms.stubFor(post(urlPathEqualTo(SESSION_WEBHOOK)).willReturn(okJson("{\"errcode\": 0, \"errmsg\": \"ok\"}")));
        SignedRequests requests = new SignedRequests(port);
        String webhook = "http://127.0.0.1:" + platforms.getPort() + SESSION_WEBHOOK + "?session=s";
        String third = "msg-" + UUID.randomUUID();

        for (String id : List.of("msg-" + UUID.randomUUID(), "msg-" + UUID.randomUUID(), third)) {
            assertThat(requests.dingTalk(ChatMessages.dingTalk(id, webhook, Instant.now().plusSeconds(3600)), Instant.now())
                    .statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(6)).until(() -> posts().size() == 1);
        assertThat(posts().get(0).getBodyAsString()).contains("排队");
        assertThat(deliveries.find("dingtalk:" + third).orElseThrow().state()).isEqualTo(Delivery.State.ABANDONED);
        await().atMost(Duration.ofSeconds(30)).until(() -> posts().size() == 3);
        assertThat(posts().stream().filter(post -> post.getBodyAsString().contains("慢慢来"))).hasSize(2);
    }

    private List<LoggedRequest> posts() {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(SESSION_WEBHOOK)));
    }
}
