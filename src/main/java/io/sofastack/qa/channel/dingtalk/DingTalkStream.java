package io.sofastack.qa.channel.dingtalk;

import io.micrometer.core.instrument.MeterRegistry;
import io.sofastack.qa.channel.ChannelProperties;
import io.sofastack.qa.channel.MalformedWebhookException;
import io.sofastack.qa.channel.OutboundHttp;
import io.sofastack.qa.channel.ReconnectingSocket;
import io.sofastack.qa.channel.SocketTransport;
import io.sofastack.qa.channel.UnverifiedRequestException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DingTalk's Stream mode ({@code qa.dingtalk.mode=stream}): the bot asks the gateway
 * ({@code /v1.0/gateway/connections/open}, with the app's ClientId and ClientSecret) for a
 * single-use ticket, opens a WebSocket with it and receives the robot's messages over it, so it needs
 * no public address and no callback signature. Each message goes through the same handling as an
 * HTTP callback (claimed in the delivery log, answered later) and is acknowledged with its
 * {@code messageId} once claimed; pings are answered, a {@code disconnect} opens a new connection
 * ({@link ReconnectingSocket}), and a message pushed again is deduplicated by the delivery log.
 */
@Component
class DingTalkStream extends SocketTransport {

    static final String ROBOT_TOPIC = "/v1.0/im/bot/messages/get";
    private static final Logger log = LoggerFactory.getLogger(DingTalkStream.class);

    private final DingTalkProperties properties;
    private final DingTalkChannel channel;

    DingTalkStream(DingTalkProperties properties, DingTalkChannel channel, OutboundHttp outbound, JsonMapper jsonMapper,
                   ChannelProperties channels, MeterRegistry meters) {
        super("DingTalk Stream mode", DingTalkChannel.PLATFORM, properties.streamMode(), properties.reconnectBackoff(), channels,
                outbound, jsonMapper, meters);
        this.properties = properties;
        this.channel = channel;
    }

    /** The gateway's endpoint with a fresh ticket. */
    @Override
    public URI open() {
        JsonNode response = restClient.post().uri(properties.apiBaseUrl() + "/v1.0/gateway/connections/open")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("clientId", properties.appKey(), "clientSecret", properties.appSecret(),
                        "subscriptions", List.of(Map.of("type", "CALLBACK", "topic", ROBOT_TOPIC)),
                        "ua", "community-qa-bot"))
                .retrieve().body(JsonNode.class);
        String endpoint = response == null ? "" : response.path("endpoint").asString("");
        String ticket = response == null ? "" : response.path("ticket").asString("");
        if (endpoint.isBlank() || ticket.isBlank()) {
            throw new RestClientException("the Stream gateway answered without an endpoint and a ticket");
        }
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }

    /** Handles one frame: a ping, a disconnect, or a robot message to claim and then acknowledge. */
    @Override
    protected void onFrame(WebSocket connection, JsonNode frame, Consumer<String> reconnect) {
        String type = frame.path("type").asString("");
        String topic = frame.path("headers").path("topic").asString("");
        String messageId = frame.path("headers").path("messageId").asString("");
        String data = frame.path("data").asString("");
        if ("SYSTEM".equals(type)) {
            if ("ping".equals(topic)) {
                connection.sendText(ack(messageId, data), true);
            } else if ("disconnect".equals(topic)) {
                reconnect.accept("disconnect");
            }
            return;
        }
        if ("CALLBACK".equals(type) && ROBOT_TOPIC.equals(topic)) {
            try {
                channel.accept(data.getBytes(StandardCharsets.UTF_8));
            } catch (MalformedWebhookException | UnverifiedRequestException e) {
                log.warn("DingTalk's Stream gateway delivered a robot message the bot does not answer: {}", e.getMessage());
            } catch (RuntimeException e) {
                // Not claimed (the database is down?): no ack; DingTalk does not push robot messages again.
                log.error("A DingTalk robot message from the Stream gateway could not be accepted", e);
                return;
            }
            connection.sendText(ack(messageId, jsonMapper.writeValueAsString(java.util.Collections.singletonMap("response", null))), true);
            return;
        }
        connection.sendText(ack(messageId, jsonMapper.writeValueAsString(Map.of("status", "SUCCESS"))), true);
    }

    private String ack(String messageId, String data) {
        return jsonMapper.writeValueAsString(Map.of("code", 200, "message", "OK",
                "headers", Map.of("messageId", messageId, "contentType", "application/json"), "data", data));
    }
}
