package io.sofastack.qa.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.sofastack.qa.LoopbackWireMock;
import io.sofastack.qa.feedback.AnswerRecord;
import io.sofastack.qa.feedback.AnswerRecords;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The maintainers' loop end to end: every answer has an id, 👍/👎 comes from the ask API, from
 * Slack's feedback buttons (signed interactions) and from the links under DingTalk answers, and what the bot could not answer shows up in the
 * admin gap report, clustered, as JSON and as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/feedback", "qa.admin.token=admin-secret",
        "qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "qa.slack.bot-token=xoxb-test-token",
        "qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "qa.dingtalk.robot-code=ding-robot",
        "qa.dingtalk.allowed-webhook-hosts=127.0.0.1", "qa.dingtalk.feedback-url=https://bot.example.org/feedback.html",
        "qa.rate-limit.per-asker=1000", "qa.rate-limit.per-conversation=1000"})
class FeedbackLoopTest {

    @RegisterExtension
    static WireMockExtension platforms = LoopbackWireMock.extension();

    @DynamicPropertySource
    static void thirdParties(DynamicPropertyRegistry registry) {
        registry.add("qa.slack.api-base-url", () -> platforms.baseUrl() + "/api");
        registry.add("qa.channel.state-dir", () -> "target/test-state/feedback-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;
    @Autowired
    AnswerRecords records;

    private SignedRequests requests;
    private ApiRequests api;

    @BeforeEach
    void setUp() {
        indexer.synchronize();
        requests = new SignedRequests(port);
        api = new ApiRequests(port, json);
        PlatformStubs.acceptEveryReply(platforms);
    }

    private HttpResponse<String> send(String method, String path, Object body, String... headers) throws Exception {
        return api.send(method, path, body, headers);
    }

    private JsonNode ask(String question) throws Exception {
        return api.ask(question);
    }

    private HttpResponse<String> feedback(Map<String, Object> vote) throws Exception {
        return send("POST", "/api/feedback", vote);
    }

    @Test
    void anAnswerOfTheApiCanBeRatedAndAThumbsDownShowsInTheGapReport() throws Exception {
        JsonNode answer = ask("三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？");
        String answerId = answer.get("answerId").asString();
        assertThat(answerId).isNotBlank();

        HttpResponse<String> vote = feedback(Map.of("answerId", answerId, "helpful", false, "comment", "答案过时了"));
        assertThat(vote.statusCode()).isEqualTo(200);
        assertThat(json.readTree(vote.body()).get("recorded").asBoolean()).isTrue();
        assertThat(records.find(answerId).orElseThrow().gap()).isEqualTo(AnswerRecord.Gap.UNHELPFUL);

        HttpResponse<String> report = send("GET", "/api/admin/gaps", null, "Authorization", "Bearer admin-secret");
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode clusters = json.readTree(report.body()).get("clusters");
        assertThat(clusters.valueStream().anyMatch(cluster -> cluster.get("samples").toString().contains("三节点集群停掉一个节点")
                && cluster.get("reasons").has("unhelpful"))).isTrue();

        HttpResponse<String> csv = send("GET", "/api/admin/gaps?format=csv", null, "Authorization", "Bearer admin-secret");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("cluster,label,asked_at,channel,language,reason,confidence,question,nearest_title,nearest_url")
                .contains("\"三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？\"");
    }

    @Test
    void feedbackThatNamesNoAnswerOrNoVerdictAndReportsWithoutTheTokenAreRefusedClearly() throws Exception {
        HttpResponse<String> unknown = feedback(Map.of("answerId", "never-given", "helpful", true));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("type").asString()).endsWith("answer-unknown");
        HttpResponse<String> noVerdict = feedback(Map.of("answerId", ask("MOSN 支持 dubbo 吗？").get("answerId").asString()));
        assertThat(noVerdict.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noVerdict.body()).get("detail").asString()).contains("\"helpful\"");

        assertThat(send("GET", "/api/admin/gaps", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/admin/gaps", null, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> badPeriod = send("GET", "/api/admin/gaps?from=yesterday", null, "Authorization", "Bearer admin-secret");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badPeriod.body()).get("detail").asString()).contains("ISO-8601");
    }

    @Test
    void abstentionsAreRecordedAndGreetingsAreNot() throws Exception {
        JsonNode refused = ask("红烧肉怎么做才好吃？");
        assertThat(refused.get("grounded").asBoolean()).isFalse();
        assertThat(records.find(refused.get("answerId").asString()).orElseThrow().gap()).isEqualTo(AnswerRecord.Gap.ABSTAINED);

        JsonNode greeting = ask("你好");
        assertThat(greeting.get("mode").asString()).isEqualTo("notice");
        assertThat(records.find(greeting.get("answerId").asString())).isEmpty();
    }

    @Test
    void aSlackAnswerCarriesFeedbackButtonsAndAClickIsStoredAgainstIt() throws Exception {
        String threadTs = "1712000000." + (100000 + (int) (Math.random() * 800000));
        requests.slackEvent(ChatMessages.slackMention("Ev" + UUID.randomUUID(), threadTs, threadTs));
        await().atMost(Duration.ofSeconds(20)).until(() -> posted(threadTs) != null);
        JsonNode message = posted(threadTs);

        String answerId = message.get("metadata").get("event_payload").get("answer_id").asString();
        JsonNode buttons = message.get("blocks").get(message.get("blocks").size() - 1);
        assertThat(buttons.get("type").asString()).isEqualTo("context_actions");
        JsonNode element = buttons.get("elements").get(0);
        assertThat(element.get("type").asString()).isEqualTo("feedback_buttons");
        assertThat(element.get("negative_button").get("value").asString()).isEqualTo("unhelpful:" + answerId);
        assertThat(records.find(answerId).orElseThrow().thread()).isEqualTo("slack:C0LAN2Q65:" + threadTs);

        String payload = json.writeValueAsString(Map.of("type", "block_actions", "user", Map.of("id", "U777"),
                "container", Map.of("message_ts", "1.2", "channel_id", "C123"),
                "actions", List.of(Map.of("action_id", "answer_feedback", "type", "feedback_buttons",
                        "value", element.get("negative_button").get("value").asString()))));
        String form = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        HttpResponse<String> click = requests.slack("/webhooks/slack/interactivity", "application/x-www-form-urlencoded", form,
                Instant.now());
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(records.find(answerId).orElseThrow().gap()).isEqualTo(AnswerRecord.Gap.UNHELPFUL);

        HttpResponse<String> forged = requests.slack("/webhooks/slack/interactivity", "application/x-www-form-urlencoded", form,
                Instant.now().minusSeconds(3600));
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private JsonNode posted(String threadTs) {
        return platforms.findAll(postRequestedFor(urlPathEqualTo(PlatformStubs.CHAT_POST))).stream()
                .map(request -> json.readTree(request.getBodyAsString()))
                .filter(body -> threadTs.equals(body.path("thread_ts").asString(""))).findFirst().orElse(null);
    }

    @Test
    void aDingTalkAnswerLinksToTheFeedbackPageForItsOwnAnswer() throws Exception {
        String webhook = "http://127.0.0.1:" + platforms.getPort() + PlatformStubs.SESSION_WEBHOOK + "?session=s-" + UUID.randomUUID();
        requests.dingTalk(ChatMessages.dingTalk("msg-" + UUID.randomUUID(), webhook, Instant.now().plusSeconds(3600)), Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> platforms.findAll(postRequestedFor(urlPathEqualTo(PlatformStubs.SESSION_WEBHOOK)))
                .stream().anyMatch(request -> request.getUrl().contains(webhook.substring(webhook.indexOf("session=")))));
        String text = platforms.findAll(postRequestedFor(urlPathEqualTo(PlatformStubs.SESSION_WEBHOOK))).stream()
                .filter(request -> request.getUrl().contains(webhook.substring(webhook.indexOf("session="))))
                .map(request -> json.readTree(request.getBodyAsString()).get("markdown").get("text").asString()).findFirst().orElseThrow();

        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("\\[👎 没帮助]\\(https://bot\\.example\\.org/feedback\\.html\\?answer=([0-9a-f-]+)&helpful=false\\)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(text).contains("[👍 有帮助](https://bot.example.org/feedback.html?answer=" + link.group(1) + "&helpful=true)")
                .endsWith("@staff-42");
        assertThat(records.find(link.group(1)).orElseThrow().channel()).isEqualTo("dingtalk");
    }
}
