package io.sofastack.qa.channel.dingtalk;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/dingtalk}: DingTalk waits about 2.5 s, so the callback is acknowledged with an
 * empty message at once and the answer goes to the conversation's {@code sessionWebhook} later.
 */
@RestController
class DingTalkWebhookController {

    private static final Map<String, String> EMPTY = Map.of("msgtype", "empty");

    private final DingTalkChannel channel;

    DingTalkWebhookController(DingTalkChannel channel) {
        this.channel = channel;
    }

    @PostMapping(path = "/webhooks/dingtalk", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> receive(@RequestHeader(name = "timestamp", required = false) String timestamp,
                                @RequestHeader(name = "sign", required = false) String sign,
                                @RequestBody(required = false) byte[] body) {
        channel.receive(timestamp, sign, body == null ? new byte[0] : body);
        return EMPTY;
    }
}
