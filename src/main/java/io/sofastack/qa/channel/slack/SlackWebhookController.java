package io.sofastack.qa.channel.slack;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Request URLs. Every request is verified over its raw body first, then acknowledged with 200
 * well within Slack's 3 seconds; answers are posted later. The body is read from the request itself:
 * Spring rebuilds a form body from its parsed parameters, and those bytes would not be the signed ones.
 */
@RestController
class SlackWebhookController {

    private static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    private static final String SIGNATURE = "X-Slack-Signature";

    private final SlackChannel events;
    private final SlackCommandChannel commands;
    private final SlackInteractions interactions;

    SlackWebhookController(SlackChannel events, SlackCommandChannel commands, SlackInteractions interactions) {
        this.events = events;
        this.commands = commands;
        this.interactions = interactions;
    }

    /** The Interactivity Request URL: 👍/👎 clicks under answers. */
    @PostMapping("/webhooks/slack/interactivity")
    ResponseEntity<Void> interaction(@RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                     @RequestHeader(name = SIGNATURE, required = false) String signature,
                                     HttpServletRequest request) throws IOException {
        byte[] raw = request.getInputStream().readAllBytes();
        events.verify(timestamp, signature, raw);
        interactions.receive(raw);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/slack/events")
    ResponseEntity<String> event(@RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                 @RequestHeader(name = SIGNATURE, required = false) String signature,
                                 HttpServletRequest request) throws IOException {
        byte[] raw = request.getInputStream().readAllBytes();
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
                                HttpServletRequest request) throws IOException {
        byte[] raw = request.getInputStream().readAllBytes();
        events.verify(timestamp, signature, raw);
        return commands.receive(raw);
    }
}
