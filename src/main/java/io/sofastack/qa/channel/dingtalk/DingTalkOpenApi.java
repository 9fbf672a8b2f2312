package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.channel.PostOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The robot's OpenAPI, which delivers a reply when the message's {@code sessionWebhook} has expired
 * (it lives about 90 minutes): {@code /v1.0/robot/groupMessages/send} in a group,
 * {@code /v1.0/robot/oToMessages/batchSend} in a 1:1 chat, with an access token from
 * {@code /v1.0/oauth2/accessToken} that is kept until shortly before it expires and fetched anew once
 * when DingTalk says it is no longer valid.
 */
final class DingTalkOpenApi {

    private static final Logger log = LoggerFactory.getLogger(DingTalkOpenApi.class);
    private static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

    private final RestClient restClient;
    private final DingTalkProperties properties;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private AccessToken token;

    private record AccessToken(String value, Instant refreshAt) {
    }

    DingTalkOpenApi(RestClient restClient, DingTalkProperties properties, JsonMapper jsonMapper, Clock clock) {
        this.restClient = restClient;
        this.properties = properties;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /** Whether it can deliver: it needs the app's key besides its secret. */
    boolean enabled() {
        return properties.enabled() && properties.appKey() != null && !properties.appKey().isBlank();
    }

    /** Sends a markdown reply ({@code title}, {@code text}) into the message's conversation. */
    PostOutcome send(DingTalkMessage message, String title, String text) {
        String path;
        Map<String, Object> body;
        String msgParam = jsonMapper.writeValueAsString(Map.of("title", title, "text", text));
        if (message.group()) {
            path = "/v1.0/robot/groupMessages/send";
            body = Map.of("robotCode", properties.robotCode(), "openConversationId", message.conversationId(),
                    "msgKey", "sampleMarkdown", "msgParam", msgParam);
        } else if (!message.senderStaffId().isBlank()) {
            path = "/v1.0/robot/oToMessages/batchSend";
            body = Map.of("robotCode", properties.robotCode(), "userIds", List.of(message.senderStaffId()),
                    "msgKey", "sampleMarkdown", "msgParam", msgParam);
        } else {
            log.warn("Not replying to DingTalk message {}: its 1:1 chat names no user id to send to", message.msgId());
            return PostOutcome.REFUSED;
        }
        return call(HttpMethod.POST, path, body, "the OpenAPI reply to " + message.msgId());
    }

    /** Whether it can stream answers into AI cards: it needs a card template besides the OpenAPI credentials. */
    boolean cardsEnabled() {
        return enabled() && properties.cardTemplateId() != null && !properties.cardTemplateId().isBlank();
    }

    /**
     * Creates an AI card in the message's conversation and delivers it ({@code POST
     * /v1.0/card/instances/createAndDeliver}), showing {@code content} in the template's
     * {@code qa.dingtalk.card-content-key} field; the card is then written by {@link #streamCard}.
     */
    PostOutcome createCard(DingTalkMessage message, String outTrackId, String content) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("cardTemplateId", properties.cardTemplateId());
        body.put("outTrackId", outTrackId);
        body.put("callbackType", "STREAM");
        body.put("cardData", Map.of("cardParamMap", Map.of(properties.cardContentKey(), content)));
        body.put("userIdType", 1);
        if (message.group()) {
            body.put("openSpaceId", "dtv1.card//IM_GROUP." + message.conversationId());
            body.put("imGroupOpenSpaceModel", Map.of("supportForward", true));
            body.put("imGroupOpenDeliverModel", Map.of("robotCode", properties.robotCode()));
        } else if (!message.senderStaffId().isBlank()) {
            body.put("openSpaceId", "dtv1.card//IM_ROBOT." + message.senderStaffId());
            body.put("imRobotOpenSpaceModel", Map.of("supportForward", true));
            body.put("imRobotOpenDeliverModel", Map.of("spaceType", "IM_ROBOT", "robotCode", properties.robotCode()));
        } else {
            return PostOutcome.REFUSED;
        }
        return call(HttpMethod.POST, "/v1.0/card/instances/createAndDeliver", body, "creating the AI card for " + message.msgId());
    }

    /**
     * Shows {@code content}, the whole answer so far, in a card ({@code PUT /v1.0/card/streaming});
     * {@code last} ends the card's typing state.
     */
    PostOutcome streamCard(String outTrackId, String content, boolean last) {
        Map<String, Object> body = Map.of("outTrackId", outTrackId, "guid", java.util.UUID.randomUUID().toString(),
                "key", properties.cardContentKey(), "content", content, "isFull", true, "isFinalize", last, "isError", false);
        return call(HttpMethod.PUT, "/v1.0/card/streaming", body, "streaming into AI card " + outTrackId);
    }

    /** One OpenAPI request with the access token; a token refused with 401 is fetched anew, once. */
    private PostOutcome call(HttpMethod method, String path, Map<String, Object> body, String what) {
        for (int attempt = 0; ; attempt++) {
            String accessToken;
            try {
                accessToken = accessToken();
            } catch (RestClientException e) {
                log.warn("No DingTalk access token: {}", e.getMessage());
                return e instanceof RestClientResponseException response && response.getStatusCode().is4xxClientError()
                        ? PostOutcome.REFUSED : PostOutcome.RETRYABLE;
            }
            try {
                restClient.method(method).uri(properties.apiBaseUrl() + path).header(TOKEN_HEADER, accessToken)
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
                return PostOutcome.POSTED;
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value() && attempt == 0) {
                    forget(accessToken);
                    continue;
                }
                log.warn("DingTalk refused {}: HTTP {} {}", what, e.getStatusCode().value(), e.getResponseBodyAsString());
                return PostOutcome.ofFailure(e);
            } catch (RestClientException e) {
                log.warn("DingTalk {} failed: {}", what, e.getMessage());
                return PostOutcome.ofFailure(e);
            }
        }
    }

    /** The kept token while it has more than {@code qa.dingtalk.token-refresh-margin} to live, else a new one. */
    private synchronized String accessToken() {
        if (token != null && clock.instant().isBefore(token.refreshAt())) {
            return token.value();
        }
        JsonNode response = restClient.post().uri(properties.apiBaseUrl() + "/v1.0/oauth2/accessToken")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("appKey", properties.appKey(), "appSecret", properties.appSecret()))
                .retrieve().body(JsonNode.class);
        String value = response == null ? "" : response.path("accessToken").asString("");
        if (value.isBlank()) {
            throw new RestClientException("DingTalk answered the token request without an accessToken");
        }
        Duration lifetime = Duration.ofSeconds(response.path("expireIn").asLong(7200));
        Duration kept = lifetime.minus(properties.tokenRefreshMargin());
        token = new AccessToken(value, clock.instant().plus(kept.isNegative() ? Duration.ZERO : kept));
        return value;
    }

    private synchronized void forget(String rejected) {
        if (token != null && token.value().equals(rejected)) {
            token = null;
        }
    }
}
