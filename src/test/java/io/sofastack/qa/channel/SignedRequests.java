package io.sofastack.qa.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Sends webhook requests to the bot signed as DingTalk and Slack sign them, with the tests' secrets. */
public final class SignedRequests {

    public static final String SLACK_SECRET = "test-signing-secret";
    public static final String DINGTALK_SECRET = "test-app-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SignedRequests(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public static String slackSignature(String timestamp, String body) {
        return "v0=" + HexFormat.of().formatHex(Hmac.sha256(SLACK_SECRET, ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    public static String dingTalkSign(String timestamp) {
        return Base64.getEncoder().encodeToString(
                Hmac.sha256(DINGTALK_SECRET, (timestamp + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> slack(String path, String contentType, String body, Instant at, String... extraHeaders)
            throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", slackSignature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> slackEvent(String body) throws Exception {
        return slack("/webhooks/slack/events", "application/json", body, Instant.now());
    }

    public HttpResponse<String> dingTalk(String body, Instant at) throws Exception {
        String timestamp = Long.toString(at.toEpochMilli());
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/dingtalk"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("timestamp", timestamp).header("sign", dingTalkSign(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public String baseUrl() {
        return baseUrl;
    }
}
