package io.sofastack.qa.channel.dingtalk;

import java.net.URI;
import io.sofastack.qa.channel.OutboundUrls;
import io.sofastack.qa.channel.PostOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Posts a reply to a message's {@code sessionWebhook}: only while it has not expired, and only to an
 * allowed host, since the URL comes from the request and must never make the bot post elsewhere. Once
 * it has expired, the reply goes through the robot OpenAPI when the app key is configured.
 */
final class DingTalkReplier {

    private static final Logger log = LoggerFactory.getLogger(DingTalkReplier.class);

    private final RestClient restClient;
    private final OutboundUrls webhooks;
    private final Clock clock;
    private final DingTalkOpenApi openApi;

    DingTalkReplier(RestClient restClient, List<String> allowedHosts, Clock clock, DingTalkOpenApi openApi) {
        this.restClient = restClient;
        this.webhooks = new OutboundUrls(allowedHosts);
        this.clock = clock;
        this.openApi = openApi;
    }

    /** Why no reply may be posted for this message, or {@code null} when one may. */
    String problemWith(DingTalkMessage message) {
        if (message.sessionWebhookExpiresAt() <= clock.millis()) {
            return "its sessionWebhook has expired";
        }
        String problem = webhooks.problemWith(message.sessionWebhook());
        return problem == null ? null : "its sessionWebhook: " + problem + " (qa.dingtalk.allowed-webhook-hosts)";
    }

    /** Posts a reply built by {@link DingTalkReply#markdown}. */
    PostOutcome post(DingTalkMessage message, Map<String, Object> reply) {
        if (message.sessionWebhookExpiresAt() <= clock.millis() && openApi.enabled()) {
            Map<?, ?> markdown = (Map<?, ?>) reply.get("markdown");
            return openApi.send(message, String.valueOf(markdown.get("title")), String.valueOf(markdown.get("text")));
        }
        String problem = problemWith(message);
        if (problem != null) {
            log.warn("Not replying to DingTalk message {}: {}", message.msgId(), problem);
            return PostOutcome.REFUSED;
        }
        try {
            JsonNode response = restClient.post().uri(URI.create(message.sessionWebhook()))
                    .contentType(MediaType.APPLICATION_JSON).body(reply).retrieve().body(JsonNode.class);
            int errcode = response == null ? -1 : response.path("errcode").asInt(-1);
            if (errcode != 0) {
                log.warn("DingTalk refused the reply to {}: errcode {} ({})", message.msgId(), errcode,
                        response == null ? "no body" : response.path("errmsg").asString(""));
                return PostOutcome.REFUSED;
            }
            return PostOutcome.POSTED;
        } catch (RestClientException e) {
            log.warn("Posting the reply to DingTalk message {} failed: {}", message.msgId(), e.getMessage());
            return PostOutcome.ofFailure(e);
        }
    }
}
