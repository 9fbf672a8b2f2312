package io.sofastack.qa.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.ArchiveIndexer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ask API end to end, on the shipped sample archive and with no LLM: the embedded default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qa.index.dir=target/test-indexes/ask-api", "qa.ask.max-question-chars=200"})
class AskApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void indexIsReady() {
        assertThat(indexer.synchronize().ready()).isTrue();
    }

    @Test
    void aQuestionOfAnUnpairedSurrogateAndARareScriptIsAnsweredNotFailed() throws Exception {
        // Found by FuzzTest: JSON may carry a lone surrogate, and the tokenizer has no pieces for Linear B.
        HttpResponse<String> response = post("application/json", "{\"topK\": 1, \"question\": \"\\uD800\uD800\uDC00\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("grounded").asBoolean()).isFalse();
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode ask(Map<String, Object> request) throws IOException, InterruptedException {
        HttpResponse<String> response = post("application/json", json.writeValueAsString(request));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "一个服务订阅的实例太多了，所有订阅者都连 provider，连接数压力很大，SOFARegistry 怎么解决？|host subset",
            "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？|不正常",
            "MOSN 怎么配置 dubbo，能自动发现 dubbo 服务吗？|dubbo-examples"})
    void answersTheFoundingQuestionsWithACitation(String question, String expected) throws Exception {
        JsonNode answer = ask(Map.of("question", question));
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("answer").asString()).contains(expected);
        JsonNode source = answer.get("sources").get(0);
        assertThat(source.get("path").asString()).isEqualTo("weekly/2022-02-18-registry-raft-mosn.md");
        assertThat(source.get("url").asString()).isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
        assertThat(source.get("date").asString()).isEqualTo("2022-02-18");
        assertThat(source.get("question").asString()).isNotBlank();
        assertThat(source.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.get("tookMs").asLong()).isNotNegative();
    }

    @Test
    void abstainsWhenTheArchiveNeverHeardOfTheSubject() throws Exception {
        JsonNode answer = ask(Map.of("question", "MOSN 怎么对接 keycloak 做 OIDC 登录？"));
        assertThat(answer.get("grounded").asBoolean()).isFalse();
        assertThat(answer.get("answer").asString()).contains("没有");
        assertThat(answer.get("sources").size()).isBetween(1, 5);
    }

    @Test
    void aGreetingOrAThankYouIsInvitedToAskNotAnsweredWithAPassage() throws Exception {
        for (String greeting : new String[] {"你好", "谢谢！", "在吗？"}) {
            JsonNode answer = ask(Map.of("question", greeting));
            assertThat(answer.get("grounded").asBoolean()).as(greeting).isFalse();
            assertThat(answer.get("sources")).as(greeting).isEmpty();
            assertThat(answer.get("answer").asString()).as(greeting).contains("直接问我");
        }
        assertThat(ask(Map.of("question", "Thanks!")).get("answer").asString()).startsWith("Hello! Ask me");
    }

    @Test
    void answersInEnglishForAnEnglishQuestion() throws Exception {
        JsonNode answer = ask(Map.of("question", "Does MOSN support Windows?", "topK", 2));
        assertThat(answer.get("sources").size()).isEqualTo(2);
        assertThat(answer.get("sources").get(0).get("question").asString()).contains("Windows");
    }

    @Test
    void anyTextIsAValidQuestion() throws Exception {
        for (String question : new String[] {"NodeImpl#handleAppendEntriesRequest", "\"unbalanced (quote [AND OR* ~",
                "???", "@GlobalTransactional", "\u200b\u202e", "file.conf: default.grouplist"}) {
            assertThat(ask(Map.of("question", question)).has("answer")).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json|{\"question\": \"   \"}|400|question-missing",
            "application/json|{}|400|question-missing",
            "application/json|{\"question\": \"ok\", \"topK\": 0}|400|top-k-out-of-range",
            "application/json|{\"question\": \"ok\", \"topK\": 11}|400|top-k-out-of-range",
            "application/json|{\"question\": |400|malformed-json",
            "application/json|[1, 2]|400|malformed-json",
            "application/json|{\"question\": {\"nested\": 1}}|400|malformed-json",
            "text/plain|hello|415|unsupported-media-type"})
    void refusesBadRequestsWithAProblemDetail(String contentType, String body, int status, String type) throws Exception {
        HttpResponse<String> response = post(contentType, body);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void refusesATooLongQuestionWith413() throws Exception {
        HttpResponse<String> response = post("application/json", json.writeValueAsString(Map.of("question", "问".repeat(201))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("201").contains("200");
    }

    @Test
    void reportsWhatTheIndexHolds() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/index"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode status = json.readTree(response.body());
        assertThat(status.get("state").asString()).isEqualTo("READY");
        assertThat(status.get("passages").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(status.get("ingest").get("threads").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(status.get("ingest").get("filesRead").asInt()).isEqualTo(7);
    }

    @Test
    void healthIsUpWhenTheIndexIsReady() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theAskStreamSendsAnExtractiveAnswerAsOneEventAndRefusesBadRequestsWithAProblem() throws Exception {
        ServerSentEvents.Stream stream = ServerSentEvents.post(port, "/api/ask/stream",
                json.writeValueAsString(Map.of("question", "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？")));
        assertThat(stream.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("done");
            JsonNode response = json.readTree(event.data());
            assertThat(response.get("grounded").asBoolean()).isTrue();
            assertThat(response.get("mode").asString()).isEqualTo("extractive");
            assertThat(response.get("sources").get(0).get("path").asString()).isEqualTo("weekly/2022-02-18-registry-raft-mosn.md");
        });

        ServerSentEvents.Stream refused = ServerSentEvents.post(port, "/api/ask/stream", "{\"question\": \"  \"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("question-missing");
    }

    @Test
    void theMcpEndpointIsOffUnlessSwitchedOn() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
