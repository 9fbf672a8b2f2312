package io.sofastack.qa.channel.slack;

import io.micrometer.core.instrument.MeterRegistry;
import io.sofastack.qa.channel.ChannelProperties;
import io.sofastack.qa.channel.MalformedWebhookException;
import io.sofastack.qa.channel.OutboundHttp;
import io.sofastack.qa.channel.ReconnectingSocket;
import io.sofastack.qa.channel.SocketTransport;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Socket Mode ({@code qa.slack.mode=socket}): the bot opens a WebSocket to Slack
 * ({@code apps.connections.open} with the app-level token) and receives over it what the Events API
 * would post, so it needs no public address. Each envelope's payload goes through the same handling
 * as an HTTP event (the delivery log claims it, then it is answered later) and is acknowledged with
 * its {@code envelope_id} once claimed; a {@code disconnect} frame opens a new connection
 * ({@link ReconnectingSocket}). Redeliveries are deduplicated by the delivery log, as over HTTP.
 */
@Component
class SlackSocketMode extends SocketTransport {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final SlackProperties properties;
    private final SlackChannel events;
    private final SlackCommandChannel commands;
    private final SlackInteractions interactions;

    SlackSocketMode(SlackProperties properties, SlackChannel events, SlackCommandChannel commands, SlackInteractions interactions,
                    OutboundHttp outbound,
                    JsonMapper jsonMapper, ChannelProperties channels, MeterRegistry meters) {
        super("Slack Socket Mode", SlackChannel.PLATFORM, properties.socketMode(), properties.reconnectBackoff(), channels,
                outbound, jsonMapper, meters);
        this.properties = properties;
        this.events = events;
        this.commands = commands;
        this.interactions = interactions;
    }

    /** A fresh WebSocket URL from {@code apps.connections.open}. */
    @Override
    public URI open() {
        JsonNode response = restClient.post().uri(properties.apiBaseUrl() + "/apps.connections.open")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.appToken()).retrieve().body(JsonNode.class);
        if (response == null || !response.path("ok").asBoolean() || response.path("url").asString("").isBlank()) {
            throw new RestClientException("apps.connections.open: " + (response == null ? "no body"
                    : response.path("error").asString("no url")));
        }
        return URI.create(response.path("url").asString());
    }

    /** Handles one frame: hello, disconnect, or an envelope to claim and then acknowledge. */
    @Override
    protected void onFrame(WebSocket connection, JsonNode frame, Consumer<String> reconnect) {
        String type = frame.path("type").asString("");
        if ("disconnect".equals(type)) {
            reconnect.accept("disconnect: " + frame.path("reason").asString("no reason"));
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
        } else if ("slash_commands".equals(type)) {
            Map<String, Object> response;
            try {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                frame.path("payload").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString("")));
                response = commands.receiveFields(fields);
            } catch (MalformedWebhookException e) {
                log.warn("Slack Socket Mode delivered a malformed command: {}", e.getMessage());
                response = null;
            } catch (RuntimeException e) {
                log.error("Slack Socket Mode could not accept a command: it is not acknowledged", e);
                return;
            }
            // The command's immediate reply travels in the ack, as the HTTP response body would.
            connection.sendText(jsonMapper.writeValueAsString(response == null ? Map.of("envelope_id", envelopeId)
                    : Map.of("envelope_id", envelopeId, "payload", response)), true);
            return;
        } else if ("interactive".equals(type)) {
            try {
                interactions.receive(frame.path("payload"));
            } catch (RuntimeException e) {
                // A vote that could not be stored is lost, not redelivered forever: it is acknowledged.
                log.warn("Slack Socket Mode delivered an interaction that could not be taken: {}", e.getMessage());
            }
        } else {
            log.info("Slack Socket Mode delivered a {} envelope, which the bot does not handle: acknowledged", type);
        }
        connection.sendText(jsonMapper.writeValueAsString(Map.of("envelope_id", envelopeId)), true);
    }
}
