package io.sofastack.qa.channel.slack;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Request URLs. Every request is verified over its raw body first, then acknowledged with 200
 * well within Slack's 3 seconds; answers are posted later.
 */
@RestController
class SlackWebhookController {

    private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String SIGNATURE = "X-Slack-Signature";

    private final SlackChannel events;
    private final SlackCommandChannel commands;

    SlackWebhookController(SlackChannel events, SlackCommandChannel commands) {
        this.events = events;
        this.commands = commands;
    }

    @PostMapping("/webhooks/slack/events")
    ResponseEntity<String> event(@RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                 @RequestHeader(name = SIGNATURE, required = false) String signature,
                                 @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        events.verify(timestamp, signature, raw);
        String challenge = events.receive(raw);
        if (challenge != null) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        return ResponseEntity.ok().build();
    }

    @PostMapping(path = "/webhooks/slack/commands", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> command(@RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                @RequestHeader(name = SIGNATURE, required = false) String signature,
                                @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        events.verify(timestamp, signature, raw);
        return commands.receive(raw);
    }
}
