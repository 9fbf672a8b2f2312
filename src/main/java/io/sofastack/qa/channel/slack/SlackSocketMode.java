package io.sofastack.qa.channel.slack;

import io.micrometer.core.instrument.MeterRegistry;
import io.sofastack.qa.channel.MalformedWebhookException;
import io.sofastack.qa.channel.OutboundHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Socket Mode ({@code qa.slack.mode=socket}): the bot opens a WebSocket to Slack
 * ({@code apps.connections.open} with the app-level token) and receives over it what the Events API
 * would post, so it needs no public address. Each envelope's payload goes through the same handling
 * as an HTTP event (the delivery log claims it, then it is answered later) and is acknowledged with
 * its {@code envelope_id} once claimed. A {@code disconnect} frame or a dropped connection opens a new
 * one, after a doubling backoff with jitter when connecting fails; redeliveries are deduplicated by
 * the delivery log as over HTTP.
 */
@Component
class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final int MAX_BACKOFF_DOUBLINGS = 5;

    private final SlackProperties properties;
    private final SlackChannel events;
    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final HttpClient webSockets;
    private volatile boolean running;
    private volatile Thread loop;
    private volatile WebSocket current;

    SlackSocketMode(SlackProperties properties, SlackChannel events, OutboundHttp outbound, JsonMapper jsonMapper,
                    MeterRegistry meters) {
        this.properties = properties;
        this.events = events;
        this.restClient = outbound.restClient();
        this.jsonMapper = jsonMapper;
        this.meters = meters;
        this.webSockets = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void start() {
        if (!properties.socketMode() || running) {
            return;
        }
        running = true;
        loop = new Thread(this::connectAgainAndAgain, "slack-socket-mode");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            thread.interrupt();
        }
        WebSocket socket = current;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "stopping").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            socket.abort();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Keeps one connection open while running: a new one after each that ends. */
    private void connectAgainAndAgain() {
        int failures = 0;
        while (running) {
            CompletableFuture<String> ended = new CompletableFuture<>();
            try {
                URI url = openConnection();
                current = webSockets.newWebSocketBuilder().buildAsync(url, new Frames(ended)).get(30, TimeUnit.SECONDS);
                failures = 0;
                log.info("Slack Socket Mode connected");
                String why = ended.get();
                meters.counter("qa.slack.socket.reconnects").increment();
                log.info("Slack Socket Mode connection ended ({}): connecting again", why);
                WebSocket old = current;
                old.sendClose(WebSocket.NORMAL_CLOSURE, "reconnecting").exceptionally(e -> null);
                old.abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
                Duration wait = backoff(failures);
                log.warn("Slack Socket Mode could not connect ({}): trying again in {} ms", e.getMessage(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The doubling wait, with ±50 % jitter so that many bots do not reconnect in step. */
    private Duration backoff(int failures) {
        long base = properties.reconnectBackoff().toMillis() << Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS);
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    /** A fresh WebSocket URL from {@code apps.connections.open}. */
    private URI openConnection() {
        JsonNode response = restClient.post().uri(properties.apiBaseUrl() + "/apps.connections.open")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.appToken()).retrieve().body(JsonNode.class);
        if (response == null || !response.path("ok").asBoolean() || response.path("url").asString("").isBlank()) {
            throw new RestClientException("apps.connections.open: " + (response == null ? "no body"
                    : response.path("error").asString("no url")));
        }
        return URI.create(response.path("url").asString());
    }

    /** Handles one text frame: hello, disconnect, or an envelope to claim and acknowledge. */
    void handle(WebSocket socket, String text, CompletableFuture<String> ended) {
        JsonNode frame;
        try {
            frame = jsonMapper.readTree(text);
        } catch (RuntimeException e) {
            log.warn("Slack Socket Mode sent a frame that is not JSON: ignored");
            return;
        }
        String type = frame.path("type").asString("");
        if ("disconnect".equals(type)) {
            ended.complete("disconnect: " + frame.path("reason").asString("no reason"));
            return;
        }
        String envelopeId = frame.path("envelope_id").asString("");
        if (envelopeId.isEmpty()) {
            return; // hello, and frames without a delivery
        }
        if ("events_api".equals(type)) {
            try {
                events.receive(jsonMapper.writeValueAsString(frame.path("payload")).getBytes(StandardCharsets.UTF_8));
            } catch (MalformedWebhookException e) {
                log.warn("Slack Socket Mode delivered a malformed event: {}", e.getMessage());
            } catch (RuntimeException e) {
                // Not claimed (the database is down?): no ack, so that Slack delivers it again.
                log.error("Slack Socket Mode could not accept an event: it is not acknowledged", e);
                return;
            }
        } else {
            log.info("Slack Socket Mode delivered a {} envelope, which the bot does not handle: acknowledged", type);
        }
        socket.sendText(jsonMapper.writeValueAsString(Map.of("envelope_id", envelopeId)), true);
    }

    /** Gathers a text message from its frames; ends the connection's wait when it closes or fails. */
    private final class Frames implements WebSocket.Listener {
        private final CompletableFuture<String> ended;
        private final StringBuilder message = new StringBuilder();

        Frames(CompletableFuture<String> ended) {
            this.ended = ended;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                handle(socket, text, ended);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            ended.complete("closed with " + statusCode + (reason.isBlank() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended.complete("failed: " + error.getMessage());
        }
    }
}
