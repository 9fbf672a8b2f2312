package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * When the bot keeps quiet, end to end over both chat channels (WireMock plays Slack and DingTalk):
 * small talk, a thread a person already answered, and a channel it listens to without a mention.
 * On the data folder the founding question is answered with confidence 0.26 and an off-topic one is
 * refused, so the listened channel here asks for 0.2 (the default 0.7 would keep it quiet on both).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/quiet",
        "qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "qa.slack.bot-token=xoxb-test-token",
        "qa.slack.listen-channels=CLISTEN", "qa.channel.unmentioned-min-confidence=0.2",
        "qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class QuietRulesTest {

    private static final String CHAT_POST = PlatformStubs.CHAT_POST;
    private static final String REPLIES = PlatformStubs.REPLIES;
    private static final String SESSION_WEBHOOK = PlatformStubs.SESSION_WEBHOOK;
    private static final String ASKER = "U061F7AUR";

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.slack.api-base-url", () -> platforms.baseUrl() + "/api");
        registry.add("qa.channel.state-dir", () -> "target/test-state/quiet-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JsonMapper json;

    private SignedRequests requests;

    @BeforeEach
    void setUp() {
        indexer.synchronize();
        requests = new SignedRequests(port);
        PlatformStubs.acceptEveryReply(platforms);
    }

    private List<LoggedRequest> postsIn(String thread) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(CHAT_POST))).stream()
                .filter(request -> json.readTree(request.getBodyAsString()).path("thread_ts").asString("").equals(thread)).toList();
    }

    private Delivery.State stateOf(String key) {
        return deliveries.find(key).map(Delivery::state).orElse(null);
    }

    private Delivery awaitEnd(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(key) != null && stateOf(key).finished());
        return deliveries.find(key).orElseThrow();
    }

    private double quietCount(String rule) {
        return meters.find("qa.channel.deliveries").tags("state", "quiet", "reason", rule).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void thanksAndGreetingsGetNoAnswerInEitherChatAndAreCounted() throws Exception {
        double before = quietCount("small-talk");
        String ts = "1700000301.000100";

        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null, "谢谢！👍"));
        String msgId = "msg-" + unique();
        requests.dingTalk(ChatMessages.dingTalk(msgId, "http://127.0.0.1:" + platforms.getPort() + SESSION_WEBHOOK + "?s=" + msgId,
                Instant.now().plusSeconds(3600), "你好"), Instant.now());

        Delivery slack = awaitEnd("slack:message:C0LAN2Q65:" + ts);
        Delivery dingTalk = awaitEnd("dingtalk:" + msgId);
        assertThat(List.of(slack.state(), dingTalk.state())).containsOnly(Delivery.State.QUIET);
        assertThat(slack.reason()).contains("greets");
        assertThat(postsIn(ts)).isEmpty();
        assertThat(platforms.findAll(postRequestedFor(urlPathEqualTo(SESSION_WEBHOOK)))
                .stream().filter(request -> request.getUrl().contains(msgId))).isEmpty();
        assertThat(quietCount("small-talk") - before).isEqualTo(2);
    }

    @Test
    void aGreetingBeforeAQuestionIsAnswered() throws Exception {
        String ts = "1700000302.000100";

        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), ts, null, "你好，" + ChatMessages.QUESTION));

        assertThat(awaitEnd("slack:message:C0LAN2Q65:" + ts).state()).isEqualTo(Delivery.State.POSTED);
        assertThat(postsIn(ts)).hasSize(1);
    }

    @Test
    void whenAPersonAnsweredInTheThreadBeforeTheBotItsAnswerIsNotPosted() throws Exception {
        String thread = "1700000303.000100";

        Delivery delivery = askInThreadWhoseRepliesSinceAre(thread, "1700000303.000200",
                Map.of("user", ASKER, "ts", "1700000303.000200", "text", "<@UBOT> 问题"),
                Map.of("user", "UMAINTAINER", "ts", "1700000303.000300", "text", "看一下 leader 的日志"));

        assertThat(delivery.state()).isEqualTo(Delivery.State.QUIET);
        assertThat(delivery.reason()).contains("someone replied");
        assertThat(postsIn(thread)).isEmpty();
    }

    @Test
    void aReplyByTheAskerOrByABotLeavesTheQuestionOpen() throws Exception {
        String thread = "1700000304.000100";

        Delivery delivery = askInThreadWhoseRepliesSinceAre(thread, "1700000304.000200",
                Map.of("user", ASKER, "ts", "1700000304.000300", "text", "补充一下：三个节点"),
                Map.of("user", "UOTHERBOT", "bot_id", "B1", "ts", "1700000304.000400", "text", "CI passed"),
                Map.of("user", "UMAINTAINER", "ts", thread, "text", "the thread's first message, before the question"));

        assertThat(delivery.state()).isEqualTo(Delivery.State.POSTED);
        assertThat(postsIn(thread)).hasSize(1);
    }

    @Test
    void inAListenedChannelOnlyAQuestionItIsSureOfIsAnsweredAndNothingElseIsSaid() throws Exception {
        String statement = "1700000305.000100";
        String offTopic = "1700000305.000200";
        String onTopic = "1700000305.000300";
        double notSure = quietCount("unmentioned-not-sure");

        requests.slackEvent(ChatMessages.slackChannelMessage("Ev" + unique(), "CLISTEN", statement, "今天下午发布 SOFAArk 新版本"));
        requests.slackEvent(ChatMessages.slackChannelMessage("Ev" + unique(), "CLISTEN", offTopic, "红烧肉怎么做？"));
        requests.slackEvent(ChatMessages.slackChannelMessage("Ev" + unique(), "CLISTEN", onTopic, ChatMessages.QUESTION));

        Delivery asksNothing = awaitEnd("slack:message:CLISTEN:" + statement);
        assertThat(asksNothing.state()).isEqualTo(Delivery.State.QUIET);
        assertThat(asksNothing.reason()).contains("asks nothing");
        assertThat(awaitEnd("slack:message:CLISTEN:" + offTopic).state()).as("not even a refusal").isEqualTo(Delivery.State.QUIET);
        assertThat(quietCount("unmentioned-not-sure") - notSure).isEqualTo(1);
        assertThat(awaitEnd("slack:message:CLISTEN:" + onTopic).state()).isEqualTo(Delivery.State.POSTED);
        assertThat(postsIn(statement)).isEmpty();
        assertThat(postsIn(offTopic)).isEmpty();
        assertThat(postsIn(onTopic)).hasSize(1);
    }

    @Test
    void messagesWithoutAMentionAreIgnoredOutsideTheListenedChannelsAndAMentionIsAnsweredAsAMention() throws Exception {
        String elsewhere = "1700000306.000100";
        String mentioned = "1700000306.000200";

        requests.slackEvent(ChatMessages.slackChannelMessage("Ev" + unique(), "COTHER", elsewhere, ChatMessages.QUESTION));
        requests.slackEvent(ChatMessages.slackChannelMessage("Ev" + unique(), "CLISTEN", mentioned,
                "<@UBOT> " + ChatMessages.QUESTION));
        Thread.sleep(1000);

        assertThat(stateOf("slack:message:COTHER:" + elsewhere)).as("never accepted").isNull();
        assertThat(stateOf("slack:message:CLISTEN:" + mentioned)).as("left to its app_mention event").isNull();
    }

    /** Mentions the bot in a thread that Slack, asked after the question, shows with these messages; waits for the end. */
    private Delivery askInThreadWhoseRepliesSinceAre(String thread, String question, Map<?, ?>... messages) throws Exception {
        platforms.stubFor(get(urlPathEqualTo(REPLIES)).withQueryParam("ts", equalTo(thread)).withQueryParam("oldest", equalTo(question))
                .willReturn(okJson(json.writeValueAsString(Map.of("ok", true, "messages", List.of(messages))))));
        requests.slackEvent(ChatMessages.slackMention("Ev" + unique(), question, thread));
        return awaitEnd("slack:message:C0LAN2Q65:" + question);
    }
}
