package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A question that follows an earlier one is read together with it: in a Slack thread the bot answered
 * (the asker's reply needs no mention; other people's replies are left alone), from the same DingTalk
 * asker soon after, and in the ask API under one {@code conversationId}. WireMock plays the platforms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/follow-ups",
        "qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "qa.slack.bot-token=xoxb-test-token",
        "qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class FollowUpsTest {

    private static final String FIRST = "SOFAJRaft 三节点集群停掉一个节点后一直在选举，正常吗？";
    private static final String FOLLOW_UP = "那 5 个节点呢？";

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.slack.api-base-url", () -> platforms.baseUrl() + "/api");
        registry.add("qa.channel.state-dir", () -> "target/test-state/follow-ups-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private SignedRequests requests;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        indexer.synchronize();
        requests = new SignedRequests(port);
        PlatformStubs.acceptEveryReply(platforms);
    }

    private HttpResponse<String> ask(Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String storedQuery(String key) {
        return jdbc.sql("select query from conversation_turn where conversation_key = ?").param(key).query(String.class).optional().orElse(null);
    }

    private void awaitEnd(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.find(key).map(d -> d.state().finished()).orElse(false));
    }

    @Test
    void theAskApiReadsAQuestionWithTheOneBeforeItUnderTheSameConversationId() throws Exception {
        String conversation = UUID.randomUUID().toString();
        assertThat(json.readTree(ask(Map.of("question", FIRST, "conversationId", conversation)).body()).has("followUpOf")).isFalse();

        JsonNode followUp = json.readTree(ask(Map.of("question", FOLLOW_UP, "conversationId", conversation)).body());
        assertThat(followUp.path("followUpOf").asString()).isEqualTo(FIRST);
        assertThat(storedQuery("api:" + conversation)).isEqualTo(FOLLOW_UP + " SOFAJRaft");
        assertThat(json.readTree(ask(Map.of("question", FOLLOW_UP)).body()).has("followUpOf")).as("without an id it stands alone").isFalse();
    }

    @Test
    void aConversationIdThatIsNoIdIsAClearProblem() throws Exception {
        HttpResponse<String> response = ask(Map.of("question", FIRST, "conversationId", "no spaces / please"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("conversationId");
    }

    @Test
    void inASlackThreadTheAskerFollowsUpWithoutAMentionAndOthersAreLeftAlone() throws Exception {
        String thread = "1700000601.000100";
        requests.slackEvent(ChatMessages.slackMention("Ev" + UUID.randomUUID(), thread, null, FIRST));
        awaitEnd("slack:message:C0LAN2Q65:" + thread);

        String followUp = "1700000602.000100";
        requests.slackEvent(threadReply("U061F7AUR", followUp, thread, FOLLOW_UP));
        awaitEnd("slack:message:C0LAN2Q65:" + followUp);
        assertThat(storedQuery("slack:C0LAN2Q65:" + thread)).isEqualTo(FOLLOW_UP + " SOFAJRaft");

        String someoneElse = "1700000603.000100";
        requests.slackEvent(threadReply("U0OTHER", someoneElse, thread, "三个节点的时候呢？"));
        String noQuestion = "1700000604.000100";
        requests.slackEvent(threadReply("U061F7AUR", noQuestion, thread, "好的，我去试一下"));
        Thread.sleep(500);
        assertThat(deliveries.find("slack:message:C0LAN2Q65:" + someoneElse)).isEmpty();
        assertThat(deliveries.find("slack:message:C0LAN2Q65:" + noQuestion)).isEmpty();
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(2);
    }

    @Test
    void aReplyInAThreadTheBotNeverAnsweredInIsNoFollowUp() throws Exception {
        String reply = "1700000702.000100";
        requests.slackEvent(threadReply("U061F7AUR", reply, "1700000701.000100", FOLLOW_UP));
        Thread.sleep(300);
        assertThat(deliveries.find("slack:message:C0LAN2Q65:" + reply)).isEmpty();
    }

    @Test
    void theSameDingTalkAskerAskingAgainSoonAfterFollowsUp() throws Exception {
        String first = "msg-" + UUID.randomUUID();
        String webhook = "http://127.0.0.1:" + platforms.getPort() + "/robot/sendBySession?s=";
        requests.dingTalk(ChatMessages.dingTalk(first, webhook + first, Instant.now().plusSeconds(3600), FIRST), Instant.now());
        awaitEnd("dingtalk:" + first);
        String second = "msg-" + UUID.randomUUID();
        requests.dingTalk(ChatMessages.dingTalk(second, webhook + second, Instant.now().plusSeconds(3600), FOLLOW_UP), Instant.now());
        awaitEnd("dingtalk:" + second);

        String key = jdbc.sql("select conversation_key from conversation_turn where conversation_key like 'dingtalk:%'")
                .query(String.class).list().get(0);
        assertThat(storedQuery(key)).isEqualTo(FOLLOW_UP + " SOFAJRaft");
    }

    private String threadReply(String user, String ts, String threadTs, String text) {
        return ChatMessages.envelope("Ev" + UUID.randomUUID(), Map.of("type", "message", "channel_type", "channel", "user", user,
                "text", text, "ts", ts, "thread_ts", threadTs, "channel", "C0LAN2Q65", "event_ts", ts));
    }
}
