package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.QaBotApplication;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws random and malformed input at the ask API and both webhooks: random bytes, broken and
 * odd-shaped JSON, huge strings, lone surrogates, RTL marks, zero-width and full-width characters,
 * forged and correct signatures. Never a 5xx, and the bot still answers afterwards.
 */
class FuzzTest {

    private static final int TRIES = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConfigurableApplicationContext bot;
    private static String baseUrl;

    @BeforeContainer
    static void startTheBot() {
        bot = new SpringApplicationBuilder(QaBotApplication.class).run("--server.port=0",
                "--qa.index.dir=target/test-indexes/fuzz", "--qa.channel.state-dir=target/test-state/fuzz-" + System.nanoTime(),
                "--qa.slack.signing-secret=" + SignedRequests.SLACK_SECRET, "--qa.slack.bot-token=xoxb-fuzz",
                "--qa.slack.api-base-url=http://127.0.0.1:9/api", "--qa.slack.allowed-response-hosts=127.0.0.1",
                "--qa.dingtalk.app-secret=" + SignedRequests.DINGTALK_SECRET, "--qa.dingtalk.robot-code=ding-robot", "--qa.dingtalk.allowed-webhook-hosts=127.0.0.1",
                "--qa.rate-limit.enabled=false", "--qa.channel.answer-threads=2", "--qa.channel.answer-queue=20",
                "--logging.level.io.sofastack.qa=ERROR");
        bot.getBean(ArchiveIndexer.class).synchronize();
        baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) bot).getWebServer().getPort();
    }

    @AfterContainer
    static void stopTheBot() {
        bot.close();
    }

    @AfterProperty
    void theBotStillAnswers() throws Exception {
        HttpResponse<String> answer = send("/api/ask", "application/json",
                "{\"question\": \"MOSN 支持 Windows 吗？\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String path, String contentType, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Property(tries = TRIES)
    void askNeverAnswersWithAServerError(@ForAll("askBodies") byte[] body, @ForAll("contentTypes") String contentType)
            throws Exception {
        assertThat(statusOf(send("/api/ask", contentType, body, Map.of()))).isLessThan(500);
    }

    @Property(tries = TRIES)
    void slackEventsNeverAnswerWithAServerError(@ForAll("bodies") byte[] body, @ForAll("mostlySigned") boolean signed,
                                                @ForAll("timestamps") String timestamp) throws Exception {
        Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature",
                signed ? SignedRequests.slackSignature(timestamp, new String(body, StandardCharsets.UTF_8)) : "v0=" + timestamp);
        assertThat(statusOf(send("/webhooks/slack/events", "application/json", body, headers))).isLessThan(500);
    }

    @Property(tries = TRIES)
    void slackCommandsNeverAnswerWithAServerError(@ForAll("forms") String form, @ForAll("mostlySigned") boolean signed) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", signed ? SignedRequests.slackSignature(timestamp, form) : "v0=00");
        assertThat(statusOf(send("/webhooks/slack/commands", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), headers))).isLessThan(500);
    }

    @Property(tries = TRIES)
    void dingTalkNeverAnswersWithAServerError(@ForAll("bodies") byte[] body, @ForAll("mostlySigned") boolean signed,
                                              @ForAll("dingTalkTimestamps") String timestamp) throws Exception {
        Map<String, String> headers = Map.of("timestamp", timestamp, "sign", signed ? SignedRequests.dingTalkSign(timestamp) : timestamp);
        assertThat(statusOf(send("/webhooks/dingtalk", "application/json; charset=utf-8", body, headers))).isLessThan(500);
    }

    /** The status, counted in the property's statistics, so that the report shows what the inputs reached. */
    private static int statusOf(HttpResponse<String> response) {
        Statistics.collect(response.statusCode());
        return response.statusCode();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        Arbitrary<String> wrong = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=latin1", "*/*", "garbage");
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("application/json", "application/json; charset=utf-8")),
                Tuple.of(2, wrong));
    }

    @Provide
    Arbitrary<Boolean> mostlySigned() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(true)), Tuple.of(2, Arbitraries.just(false)));
    }

    @Provide
    Arbitrary<String> timestamps() {
        long now = Instant.now().getEpochSecond();
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Long.toString(now))),
                Tuple.of(1, Arbitraries.longs().map(value -> Long.toString(value))), Tuple.of(1, headerText()));
    }

    @Provide
    Arbitrary<String> dingTalkTimestamps() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Long.toString(Instant.now().toEpochMilli()))),
                Tuple.of(1, Arbitraries.longs().map(value -> Long.toString(value))), Tuple.of(1, headerText()));
    }

    /** What an HTTP client lets into a header value: visible ASCII. */
    private static Arbitrary<String> headerText() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60);
    }

    /** Text with what breaks naive code: lone surrogates, RTL and zero-width marks, full-width punctuation, NULs. */
    @Provide
    Arbitrary<String> oddText() {
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(200);
        Arbitrary<String> marks = Arbitraries.strings().withChars('\u202e', '\u200b', '\u200d', '\ufeff', '\uff1f', '\u3002',
                '\ud800', '\udc00', '\u0000', '<', '>', '"', '\\', '*', '[', ']', '(', ')', '@', '#', '问', 'a', ' ').ofMaxLength(100);
        Arbitrary<String> huge = Arbitraries.integers().between(1_000, 80_000).map("问"::repeat);
        Arbitrary<String> questions = Arbitraries.of("MOSN 支持 dubbo 吗？", "default.grouplist", "NodeImpl#handleAppendEntriesRequest",
                "@GlobalTransactional", "Does Layotto support Azure?", "");
        return Arbitraries.frequencyOf(Tuple.of(4, unicode), Tuple.of(4, marks), Tuple.of(1, huge), Tuple.of(2, questions))
                ;
    }

    @Provide
    Arbitrary<byte[]> askBodies() {
        return Arbitraries.frequencyOf(Tuple.of(6, asks()), Tuple.of(4, bodies()));
    }

    private Arbitrary<byte[]> asks() {
        Arbitrary<Object> topK = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1, 10).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.integers().map(Object.class::cast)), Tuple.of(1, Arbitraries.strings().ofMaxLength(5).map(Object.class::cast)),
                Tuple.of(1, Arbitraries.just((Object) 2.5)), Tuple.of(1, Arbitraries.just((Object) List.of(1))));
        return Combinators.combine(oddText(), topK).as((question, k) -> json(Map.of("question", question, "topK", k)));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> asks = asks();
        Arbitrary<byte[]> events = Combinators.combine(Arbitraries.of("event_callback", "url_verification", "app_rate_limited", ""),
                        Arbitraries.of("app_mention", "message", "reaction_added", ""), oddText(), Arbitraries.of("im", "channel"))
                .as((type, eventType, text, channelType) -> json(Map.of("type", type, "challenge", text,
                        "event_id", "Ev" + text.hashCode(), "event", Map.of("type", eventType, "user", "U1", "text", text,
                                "ts", "1.1", "channel", "C1", "channel_type", channelType))));
        Arbitrary<byte[]> dingTalk = Combinators.combine(oddText(), Arbitraries.of("text", "picture", "richText"),
                        Arbitraries.of("https://oapi.dingtalk.com/robot/sendBySession?session=x", "http://127.0.0.1:9/x", "", "::"))
                .as((text, msgtype, webhook) -> json(Map.of("msgtype", msgtype, "text", Map.of("content", text),
                        "msgId", "m" + text.hashCode(), "conversationType", "2", "sessionWebhook", webhook,
                        "sessionWebhookExpiredTime", Long.MAX_VALUE)));
        Arbitrary<byte[]> shapes = Arbitraries.of("", "{", "[]", "null", "1", "\"q\"", "{\"question\": null}", "{\"question\": []}",
                "{\"question\": \"a\", \"question\": \"b\"}", "{\"text\": {\"content\": 1}}", "{\"event\": []}",
                "[" .repeat(5000)).map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(Tuple.of(2, bytes), Tuple.of(3, asks), Tuple.of(2, events), Tuple.of(2, dingTalk),
                Tuple.of(1, shapes));
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.oneOf(
                oddText().map(text -> "command=%2Fask&text=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)
                        + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fx&trigger_id=" + text.hashCode()),
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("text=%zz", "=&=&", "response_url=javascript:alert(1)&text=hi", "text=hi&response_url=::"));
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(new HashMap<>(value));
        } catch (RuntimeException unencodable) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
