package io.sofastack.qa.channel.slack;

import io.sofastack.qa.channel.MalformedWebhookException;
import io.sofastack.qa.feedback.Feedbacks;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clicks on the 👍/👎 under an answer: {@code block_actions} interactions, from the Interactivity
 * Request URL (a form with one {@code payload} field) or from Socket Mode ({@code interactive}
 * envelopes). The vote is stored against the answer its button names; everything else is acknowledged
 * and ignored.
 */
@Component
class SlackInteractions {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

    private final Feedbacks feedbacks;
    private final JsonMapper jsonMapper;

    SlackInteractions(Feedbacks feedbacks, JsonMapper jsonMapper) {
        this.feedbacks = feedbacks;
        this.jsonMapper = jsonMapper;
    }

    /** A verified request to the Interactivity Request URL. */
    void receive(byte[] body) {
        Map<String, String> form = SlackCommandChannel.form(body);
        String payload = form.get("payload");
        if (payload == null || payload.isBlank()) {
            throw new MalformedWebhookException("An interaction must carry its JSON in the form field \"payload\".");
        }
        JsonNode json;
        try {
            json = jsonMapper.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("The interaction's payload is not JSON.");
        }
        receive(json);
    }

    /** One interaction payload, however it came. */
    void receive(JsonNode payload) {
        if (!"block_actions".equals(payload.path("type").asString(""))) {
            return;
        }
        String user = payload.path("user").path("id").asString("");
        for (JsonNode action : payload.path("actions")) {
            if (!SlackFormat.FEEDBACK_ACTION.equals(action.path("action_id").asString(""))) {
                continue;
            }
            String value = action.path("value").asString("");
            boolean helpful = value.startsWith(SlackFormat.HELPFUL);
            if (!helpful && !value.startsWith(SlackFormat.UNHELPFUL)) {
                log.warn("A Slack feedback click carries an unknown value: ignored");
                continue;
            }
            String answerId = value.substring(helpful ? SlackFormat.HELPFUL.length() : SlackFormat.UNHELPFUL.length());
            Feedbacks.Outcome outcome = feedbacks.give(new Feedbacks.Vote(answerId, helpful, null, SlackChannel.PLATFORM + ":" + user,
                    SlackChannel.PLATFORM));
            log.info("Slack feedback on answer {}: {} ({})", answerId, helpful ? "helpful" : "unhelpful", outcome);
        }
    }
}
