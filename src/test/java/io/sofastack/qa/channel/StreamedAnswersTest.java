package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.answer.LlmStub;
import io.sofastack.qa.index.ArchiveIndexer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generative answers appear as they are written: in a Slack thread as one streamed message
 * ({@code chat.startStream} → {@code appendStream} → {@code stopStream} with the sources), in DingTalk
 * as an AI card; in an assistant thread with a status first. Every way streaming can go wrong still
 * ends in one complete answer. WireMock plays the LLM (streaming its answer over two seconds), Slack
 * and DingTalk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/streamed",
        "qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "qa.slack.bot-token=xoxb-test-token",
        "qa.slack.suggested-prompts[0].title=Raft", "qa.slack.suggested-prompts[0].message=三节点集群挂掉一个节点会怎样？",
        "qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.app-key=ding-app-key", "qa.dingtalk.card-template-id=test-card.schema",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1", "qa.channel.streaming.flush-chars=8",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class StreamedAnswersTest {

    private static final List<String> PIECES = List.of("不正常", "。三个节点", "里停掉一个，", "剩下两个仍是多数 [", "1]，", "应能选出 leader [9]。");
    private static final String WRITTEN = "不正常。三个节点里停掉一个，剩下两个仍是多数 [1]，应能选出 leader 。";

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        LlmStub.pointSpringAiAt(registry, platforms);
        registry.add("qa.slack.api-base-url", () -> platforms.baseUrl() + "/api");
        registry.add("qa.dingtalk.api-base-url", () -> platforms.baseUrl());
        registry.add("qa.channel.state-dir", () -> "target/test-state/streamed-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    JsonMapper json;

    private SignedRequests requests;

    @BeforeEach
    void setUp() {
        indexer.synchronize();
        requests = new SignedRequests(port);
        platforms.resetAll();
        LlmStub.streams(platforms, PIECES, Duration.ofSeconds(2));
        PlatformStubs.acceptEveryReply(platforms);
        for (String method : List.of("chat.appendStream", "chat.stopStream", "assistant.threads.setStatus",
                "assistant.threads.setSuggestedPrompts")) {
            platforms.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(okJson("{\"ok\": true, \"ts\": \"1.2\"}")));
        }
        platforms.stubFor(post(urlPathEqualTo("/api/chat.startStream"))
                .willReturn(okJson("{\"ok\": true, \"channel\": \"C0LAN2Q65\", \"ts\": \"1700009999.000100\"}")));
        platforms.stubFor(post(urlPathEqualTo("/v1.0/oauth2/accessToken")).willReturn(okJson("{\"accessToken\": \"tok\", \"expireIn\": 7200}")));
        platforms.stubFor(post(urlPathEqualTo("/v1.0/card/instances/createAndDeliver")).willReturn(okJson("{\"success\": true}")));
        platforms.stubFor(put(urlPathEqualTo("/v1.0/card/streaming")).willReturn(okJson("{\"success\": true}")));
    }

    private List<JsonNode> bodiesOf(String method) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .map(LoggedRequest::getBodyAsString).map(json::readTree).toList();
    }

    private Delivery awaitEnd(String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.find(key).map(d -> d.state().finished()).orElse(false));
        return deliveries.find(key).orElseThrow();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aGenerativeAnswerInAChannelIsStreamedToTheAskerAndEndsWithItsSources() throws Exception {
        String ts = "1700000401.000100";
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        Delivery delivery = awaitEnd("slack:message:C0LAN2Q65:" + ts);
        assertThat(delivery.state()).isEqualTo(Delivery.State.POSTED);

        JsonNode start = bodiesOf("chat.startStream").get(0);
        assertThat(start.path("thread_ts").asString()).isEqualTo(ts);
        assertThat(start.path("recipient_user_id").asString()).as("outside a DM Slack streams to a named recipient").isEqualTo("U061F7AUR");
        assertThat(start.path("recipient_team_id").asString()).isEqualTo("T1");
        List<String> appended = bodiesOf("chat.appendStream").stream().map(body -> body.path("markdown_text").asString()).toList();
        assertThat(appended).as("the answer arrives in several updates, as it is written").hasSizeGreaterThan(1);
        assertThat(String.join("", appended)).as("citations arrive whole, and one of a source not given never appears")
                .doesNotContain("[9]").doesNotEndWith("[");
        JsonNode stop = bodiesOf("chat.stopStream").get(0);
        assertThat(String.join("", appended) + stop.path("markdown_text").asString()).startsWith(WRITTEN.strip())
                .contains("**Sources**", "](https://");
        assertThat(stop.path("metadata").path("event_payload").path("delivery").asString())
                .as("the finished message says which delivery it answers, as a posted one does").startsWith("slack:");
        assertThat(bodiesOf("chat.postMessage")).isEmpty();
    }

    @Test
    void whenTheLlmCitesNothingTheStreamEndsWithTheExtractiveAnswerMarkedAsSuch() throws Exception {
        LlmStub.streams(platforms, List.of("也许", "是网络", "的问题吧。"), Duration.ofMillis(600));
        String ts = "1700000402.000100";
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        assertThat(awaitEnd("slack:message:C0LAN2Q65:" + ts).state()).isEqualTo(Delivery.State.POSTED);
        String whole = bodiesOf("chat.appendStream").stream().map(body -> body.path("markdown_text").asString())
                .reduce("", String::concat) + bodiesOf("chat.stopStream").get(0).path("markdown_text").asString();
        assertThat(whole).startsWith("也许是网络的问题吧。").contains("无法与来源核对").contains("**Sources**");
        assertThat(bodiesOf("chat.postMessage")).isEmpty();
    }

    @Test
    void whenTheLlmFailsBeforeWritingTheOpenedStreamHoldsTheExtractiveAnswer() throws Exception {
        LlmStub.fails(platforms, 500);
        String ts = "1700000403.000100";
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        assertThat(awaitEnd("slack:message:C0LAN2Q65:" + ts).state()).isEqualTo(Delivery.State.POSTED);
        assertThat(bodiesOf("chat.appendStream")).isEmpty();
        assertThat(bodiesOf("chat.stopStream").get(0).path("markdown_text").asString()).contains("**Sources**").hasSizeGreaterThan(40);
    }

    @Test
    void whenSlackWillNotOpenAStreamTheAnswerIsPostedWhole() throws Exception {
        platforms.stubFor(post(urlPathEqualTo("/api/chat.startStream")).willReturn(okJson("{\"ok\": false, \"error\": \"not_allowed\"}")));
        LlmStub.answers(platforms, "不正常 [1]。");
        String ts = "1700000404.000100";
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        assertThat(awaitEnd("slack:message:C0LAN2Q65:" + ts).state()).isEqualTo(Delivery.State.POSTED);
        assertThat(bodiesOf("chat.postMessage")).hasSize(1);
        assertThat(bodiesOf("chat.postMessage").get(0).path("text").asString()).contains("[1]");
        assertThat(bodiesOf("chat.stopStream")).isEmpty();
    }

    @Test
    void anAppendThatFailsClosesTheStreamAndTheAnswerIsPostedWhole() throws Exception {
        platforms.stubFor(post(urlPathEqualTo("/api/chat.appendStream")).willReturn(okJson("{\"ok\": false, \"error\": \"message_not_in_streaming_state\"}")));
        String ts = "1700000405.000100";
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null));

        assertThat(awaitEnd("slack:message:C0LAN2Q65:" + ts).state()).isEqualTo(Delivery.State.POSTED);
        assertThat(bodiesOf("chat.stopStream").get(0).has("metadata")).as("the broken message is not marked as the answer").isFalse();
        assertThat(bodiesOf("chat.postMessage")).hasSize(1);
    }

    @Test
    void anAssistantThreadShowsAStatusAndANewOneOffersQuestionsTheArchiveAnswers() throws Exception {
        requests.slackEvent(ChatMessages.envelope("Ev" + unique(), Map.of("type", "assistant_thread_started",
                "assistant_thread", Map.of("user_id", "U061F7AUR", "channel_id", "D0ASSIST", "thread_ts", "1700000500.000100"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> !bodiesOf("assistant.threads.setSuggestedPrompts").isEmpty());
        JsonNode prompts = bodiesOf("assistant.threads.setSuggestedPrompts").get(0);
        assertThat(prompts.path("thread_ts").asString()).isEqualTo("1700000500.000100");
        assertThat(prompts.path("prompts").get(0).path("message").asString()).isEqualTo("三节点集群挂掉一个节点会怎样？");

        String ts = "1700000501.000100";
        requests.slackEvent(ChatMessages.envelope("Ev" + unique(), Map.of("type", "message", "channel_type", "im", "user", "U061F7AUR",
                "text", ChatMessages.QUESTION, "ts", ts, "thread_ts", "1700000500.000100", "channel", "D0ASSIST", "event_ts", ts)));

        assertThat(awaitEnd("slack:message:D0ASSIST:" + ts).state()).isEqualTo(Delivery.State.POSTED);
        assertThat(bodiesOf("assistant.threads.setStatus").get(0).path("thread_ts").asString()).isEqualTo("1700000500.000100");
        assertThat(bodiesOf("chat.startStream").get(0).has("recipient_user_id")).as("a DM needs no recipient").isFalse();
        LoggedRequest status = platforms.findAll(postRequestedFor(urlPathEqualTo("/api/assistant.threads.setStatus"))).get(0);
        LoggedRequest start = platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.startStream"))).get(0);
        assertThat(status.getLoggedDate()).as("the status shows while the answer is looked for").isBeforeOrEqualTo(start.getLoggedDate());
    }

    @Test
    void aDingTalkAnswerIsStreamedIntoAnAiCardThatEndsWithTheWholeAnswerAndItsSources() throws Exception {
        String msgId = "msg-" + unique();
        requests.dingTalk(ChatMessages.dingTalk(msgId, "http://127.0.0.1:" + platforms.getPort() + "/robot/sendBySession?s=" + msgId,
                Instant.now().plusSeconds(3600)), Instant.now());

        assertThat(awaitEnd("dingtalk:" + msgId).state()).isEqualTo(Delivery.State.POSTED);
        JsonNode card = json.readTree(platforms.findAll(postRequestedFor(urlPathEqualTo("/v1.0/card/instances/createAndDeliver")))
                .get(0).getBodyAsString());
        assertThat(card.path("cardTemplateId").asString()).isEqualTo("test-card.schema");
        assertThat(card.path("openSpaceId").asString()).startsWith("dtv1.card//IM_GROUP.");
        List<JsonNode> updates = platforms.findAll(putRequestedFor(urlPathEqualTo("/v1.0/card/streaming"))).stream()
                .map(LoggedRequest::getBodyAsString).map(json::readTree).toList();
        assertThat(updates).hasSizeGreaterThan(1);
        assertThat(updates).allSatisfy(update -> assertThat(update.path("outTrackId").asString()).isEqualTo(card.path("outTrackId").asString()));
        JsonNode last = updates.get(updates.size() - 1);
        assertThat(last.path("isFinalize").asBoolean()).isTrue();
        assertThat(last.path("content").asString()).startsWith("不正常。").contains("[1]", "**来源**");
        assertThat(updates.subList(0, updates.size() - 1)).noneSatisfy(update -> assertThat(update.path("isFinalize").asBoolean()).isTrue());
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/robot/sendBySession")))).isEmpty();
    }

    @Test
    void theAskStreamShowsTheAnswerAsItIsWrittenThenItsSourcesThenTheWholeResponse() throws Exception {
        var stream = io.sofastack.qa.channel.http.ServerSentEvents.post(port, "/api/ask/stream",
                json.writeValueAsString(Map.of("question", "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？")));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        List<String> names = stream.events().stream().map(io.sofastack.qa.channel.http.ServerSentEvents.Event::name).toList();
        assertThat(names).startsWith("token").endsWith("sources", "done").doesNotContain("error");
        var tokens = stream.events().stream().filter(event -> event.name().equals("token")).toList();
        assertThat(tokens.size()).isGreaterThan(1);
        var done = stream.events().get(stream.events().size() - 1);
        assertThat(Duration.ofNanos(done.arrivedNanos() - tokens.get(0).arrivedNanos())).as("the first words come before the end")
                .isGreaterThan(Duration.ofMillis(800));
        StringBuilder written = new StringBuilder();
        tokens.forEach(token -> written.append(json.readTree(token.data()).get("text").asString()));
        JsonNode response = json.readTree(done.data());
        assertThat(response.get("mode").asString()).isEqualTo("generative");
        assertThat(response.get("answer").asString()).startsWith(written.toString()).startsWith(WRITTEN);
        assertThat(response.get("answerId").asString()).isNotBlank();
        assertThat(json.readTree(stream.events().get(stream.events().size() - 2).data()).get(0).get("path").asString())
                .isEqualTo("weekly/2022-02-18-registry-raft-mosn.md");
    }
}
