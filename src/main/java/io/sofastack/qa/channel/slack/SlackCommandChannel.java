package io.sofastack.qa.channel.slack;

import io.sofastack.qa.channel.ChatAnswering;
import io.sofastack.qa.channel.ChatChannel;
import io.sofastack.qa.channel.Delivery;
import io.sofastack.qa.channel.DeliveryLog;
import io.sofastack.qa.channel.MalformedWebhookException;
import io.sofastack.qa.channel.OutboundUrls;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The {@code /ask} slash command: acknowledged at once with an ephemeral note, then answered in the
 * channel through the command's {@code response_url} (only to an allowed host).
 */
@Component
class SlackCommandChannel implements ChatChannel {

    static final String PLATFORM = "slack-command";
    private static final Logger log = LoggerFactory.getLogger(SlackCommandChannel.class);

    private final SlackChannel slack;
    private final DeliveryLog deliveries;
    private final ChatAnswering answering;
    private final OutboundUrls responseUrls;
    private final Clock clock;

    SlackCommandChannel(SlackChannel slack, SlackProperties properties, DeliveryLog deliveries, @Lazy ChatAnswering answering,
                        Clock clock) {
        this.slack = slack;
        this.clock = clock;
        this.responseUrls = new OutboundUrls(properties.allowedResponseHosts());
        this.deliveries = deliveries;
        this.answering = answering;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** Handles one verified command request and returns the immediate (ephemeral) response. */
    Map<String, Object> receive(byte[] body) {
        Map<String, String> form = form(body);
        String question = SlackFormat.question(form.getOrDefault("text", ""));
        if (question.isBlank()) {
            return ephemeral("Ask a question after the command, e.g. `" + form.getOrDefault("command", "/ask")
                    + " MOSN 支持 dubbo 吗？`");
        }
        URI responseUrl = responseUrl(form.getOrDefault("response_url", ""));
        if (responseUrl == null) {
            throw new MalformedWebhookException("The command has no usable response_url.");
        }
        if (deliveries.claim(PLATFORM, deliveryKeys(form, responseUrl), new String(body, StandardCharsets.UTF_8))) {
            answer(form, responseUrl, clock.instant());
        } else {
            log.info("Slack command {} was delivered before: not answered again", form.get("trigger_id"));
        }
        return ephemeral("Looking for an answer to: " + SlackFormat.mrkdwn(question));
    }

    @Override
    public List<String> deliveryKeys(Delivery delivery) {
        Map<String, String> form = form(delivery.payload().getBytes(StandardCharsets.UTF_8));
        URI responseUrl = responseUrl(form.getOrDefault("response_url", ""));
        return responseUrl == null ? List.of() : deliveryKeys(form, responseUrl);
    }

    @Override
    public void answerLogged(Delivery delivery) {
        Map<String, String> form = form(delivery.payload().getBytes(StandardCharsets.UTF_8));
        URI responseUrl = responseUrl(form.getOrDefault("response_url", ""));
        if (responseUrl != null) {
            answer(form, responseUrl, delivery.receivedAt());
        }
    }

    /** A command is known by its trigger id, or by its response URL when it has none. */
    private static List<String> deliveryKeys(Map<String, String> form, URI responseUrl) {
        String trigger = form.getOrDefault("trigger_id", "");
        return List.of(PLATFORM + ":" + (trigger.isBlank() ? responseUrl : trigger));
    }

    private void answer(Map<String, String> form, URI responseUrl, Instant receivedAt) {
        ChatAnswering.Asked asked = new ChatAnswering.Asked(PLATFORM, SlackFormat.question(form.getOrDefault("text", "")),
                SlackChannel.PLATFORM + ":" + form.getOrDefault("user_id", ""),
                SlackChannel.PLATFORM + ":" + form.getOrDefault("channel_id", ""), deliveryKeys(form, responseUrl), receivedAt);
        answering.answerLater(asked, answer -> slack.client().postToResponseUrl(responseUrl,
                Map.of("response_type", "in_channel", "text", slack.format().message(answer),
                        "blocks", slack.format().blocks(answer))));
    }

    /** The response URL when the bot may post to it. */
    private URI responseUrl(String value) {
        String problem = responseUrls.problemWith(value);
        if (problem != null) {
            log.warn("Ignoring a slash command's response_url: {} (qa.slack.allowed-response-hosts)", problem);
            return null;
        }
        return URI.create(value);
    }

    private static Map<String, Object> ephemeral(String text) {
        return Map.of("response_type", "ephemeral", "text", text);
    }

    /**
     * Handles a command Slack delivered over Socket Mode, where its fields come as a JSON object rather
     * than a form: logged as the form an HTTP delivery would have been, so that one path answers both
     * (after a restart too). Returns the immediate response, which goes back in the envelope's ack.
     */
    Map<String, Object> receiveFields(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return receive(form.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new MalformedWebhookException("The command body is not form-encoded.");
            }
        }
        return fields;
    }
}
