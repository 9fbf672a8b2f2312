package io.sofastack.qa.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Metrics on a port of their own, as README's "Operate" configures them: Prometheus scrapes the
 * management port, and the public (webhook) port shows none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qa.index.dir=target/test-indexes/management", "management.server.port=0",
        "management.endpoints.web.exposure.include=health,info,prometheus"})
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int publicPort;
    @LocalManagementPort
    int managementPort;
    @Autowired
    ArchiveIndexer indexer;

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly() throws Exception {
        indexer.synchronize();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + publicPort + "/api/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"SOFARegistry 的数据持久化在哪里？\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get(managementPort, "/actuator/prometheus").body())
                .contains("qa_ask_latency_seconds").contains("qa_retrieval_confidence");
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"index\"");
        assertThat(get(publicPort, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(publicPort, "/api/ask").statusCode()).as("the API stays on the public port").isNotEqualTo(404);
    }
}
