package io.sofastack.qa.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Re-index without downtime, the operations endpoints, and rate limits on the ask API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/operations", "qa.admin.token=s3cret-admin-token",
        "qa.rate-limit.per-asker=5", "qa.rate-limit.per-asker-period=1h"})
class OperationsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ArchiveIndexer indexer;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void indexIsReady() {
        indexer.synchronize();
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reindexNeedsTheAdminTokenAndRunsWhileQuestionsAreAnswered() throws Exception {
        assertThat(send("POST", "/api/admin/reindex", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/admin/reindex", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/admin/reindex", "Basic s3cret-admin-token").statusCode()).isEqualTo(401);

        HttpResponse<String> accepted = send("POST", "/api/admin/reindex", "Bearer s3cret-admin-token");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).doesNotContain("s3cret");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (indexer.status().synchronizing() && System.nanoTime() < deadline) {
            assertThat(indexer.status().ready()).isTrue();
            Thread.sleep(20);
        }
        assertThat(indexer.status().synchronizing()).isFalse();
        assertThat(indexer.status().passages()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void thePublicPortExposesOnlyHealth() throws Exception {
        assertThat(send("GET", "/actuator/health", null).body()).contains("\"index\"").doesNotContain("diskSpace");
        for (String hidden : new String[] {"/actuator/info", "/actuator/prometheus", "/actuator/env", "/actuator/beans",
                "/actuator/configprops", "/actuator/heapdump", "/actuator/loggers", "/actuator/metrics"}) {
            assertThat(send("GET", hidden, null).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void limitsQuestionsPerAskerWith429AndRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"MOSN 支持 Windows 吗？\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
        assertThat(json.readTree(last.body()).get("type").asString()).endsWith("/rate-limited");
        assertThat(meters.get("qa.ratelimit.rejections").tag("scope", "asker").counter().count()).isPositive();
    }
}
