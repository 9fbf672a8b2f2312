package io.sofastack.qa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the bot's JSON API (ask, feedback, administration) as a client does, on 127.0.0.1. */
final class ApiRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final JsonMapper json;

    ApiRequests(int port, JsonMapper json) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.json = json;
    }

    /**
     * @param body written as JSON, or {@code null} for none
     * @param headers name, value, name, value…
     */
    HttpResponse<String> send(String method, String path, Object body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The ask API's answer to a question, which must be 200. */
    JsonNode ask(String question) throws Exception {
        HttpResponse<String> response = send("POST", "/api/ask", Map.of("question", question));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
