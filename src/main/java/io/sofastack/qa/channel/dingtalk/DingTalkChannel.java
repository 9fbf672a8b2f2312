package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.channel.ChannelNotConfiguredException;
import io.sofastack.qa.channel.ChatAnswering;
import io.sofastack.qa.channel.ChatChannel;
import io.sofastack.qa.channel.Delivery;
import io.sofastack.qa.channel.DeliveryLog;
import io.sofastack.qa.channel.MalformedWebhookException;
import io.sofastack.qa.channel.UnverifiedRequestException;
import io.sofastack.qa.community.MaintainerReplies;
import io.sofastack.qa.community.CommunityProperties;
import io.sofastack.qa.conversation.Conversation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import io.sofastack.qa.channel.OutboundHttp;
import io.sofastack.qa.channel.StreamBuffer;
import io.sofastack.qa.channel.StreamingProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DingTalk robot: verifies a callback, accepts each message once, and answers it in its
 * conversation after the callback has been acknowledged.
 */
@Component
class DingTalkChannel implements ChatChannel {

    static final String PLATFORM = "dingtalk";
    private static final Logger log = LoggerFactory.getLogger(DingTalkChannel.class);

    private final DingTalkProperties properties;
    private final DeliveryLog deliveries;
    private final ChatAnswering answering;
    private final JsonMapper jsonMapper;
    private final DingTalkSignature signature;
    private final DingTalkReplier replier;
    private final DingTalkReply reply;
    private final Clock clock;
    private final StreamingProperties streaming;
    private final DingTalkOpenApi openApi;
    private final DingTalkMaintainers maintainers;

    DingTalkChannel(DingTalkProperties properties, DeliveryLog deliveries, @Lazy ChatAnswering answering,
                    JsonMapper jsonMapper, OutboundHttp outbound, Clock clock, StreamingProperties streaming,
                    CommunityProperties community, MaintainerReplies maintainerReplies) {
        this.streaming = streaming;
        this.properties = properties;
        this.deliveries = deliveries;
        this.answering = answering;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.signature = new DingTalkSignature(properties.appSecret(), properties.maxClockSkew(), clock);
        this.openApi = new DingTalkOpenApi(outbound.restClient(), properties, jsonMapper, clock);
        this.replier = new DingTalkReplier(outbound.restClient(), properties.allowedWebhookHosts(), clock, openApi);
        this.reply = new DingTalkReply(properties.maxMessageChars(), properties.feedbackUrl());
        this.maintainers = new DingTalkMaintainers(community, maintainerReplies, replier);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /**
     * Handles one callback; returns once the message is accepted (or found to need no answer), never
     * waiting for the answer.
     *
     * @throws UnverifiedRequestException when the callback is not genuine or is for another robot
     * @throws MalformedWebhookException when a genuine callback's body is not a JSON object
     */
    void receive(String timestamp, String sign, byte[] body) {
        if (!properties.enabled()) {
            throw new ChannelNotConfiguredException("DingTalk", "qa.dingtalk.app-secret");
        }
        String problem = signature.problemWith(timestamp, sign);
        if (problem != null) {
            throw new UnverifiedRequestException(problem);
        }
        accept(body);
    }

    /**
     * Handles a robot message whose origin is known (a signed callback, or a Stream-mode connection the
     * bot opened with the app's secret): claims it and answers it later.
     *
     * @throws UnverifiedRequestException when it is for another robot
     * @throws MalformedWebhookException when its body is not a JSON object
     */
    void accept(byte[] body) {
        JsonNode json;
        try {
            json = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("The callback body is not valid JSON.");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedWebhookException("The callback body is not a JSON object.");
        }
        DingTalkMessage message = DingTalkMessage.of(json);
        if (!properties.robotCode().equals(message.robotCode())) {
            throw new UnverifiedRequestException("the message is for another robot");
        }
        if (!properties.answersIn(message.conversationId())) {
            log.info("DingTalk message {} is from conversation {}, which qa.dingtalk.allowed-conversations does not list: not answered",
                    message.msgId(), message.conversationId());
            return;
        }
        if (message.msgId().isBlank() || message.question().isBlank()) {
            log.debug("DingTalk callback without a message id or a text question: nothing to answer");
            return;
        }
        if (maintainers.answers(message)) {
            maintainers.heard(message, clock.instant());
            return;
        }
        if (!deliveries.claim(PLATFORM, deliveryKeys(message), new String(body, StandardCharsets.UTF_8))) {
            log.info("DingTalk message {} was delivered before: not answered again", message.msgId());
            return;
        }
        answer(message, clock.instant());
    }

    @Override
    public List<String> deliveryKeys(Delivery delivery) {
        return deliveryKeys(DingTalkMessage.of(jsonMapper.readTree(delivery.payload())));
    }

    @Override
    public void answerLogged(Delivery delivery) {
        answer(DingTalkMessage.of(jsonMapper.readTree(delivery.payload())), delivery.receivedAt());
    }

    private static List<String> deliveryKeys(DingTalkMessage message) {
        return List.of(PLATFORM + ":" + message.msgId());
    }

    private void answer(DingTalkMessage message, Instant receivedAt) {
        String asker = message.senderStaffId().isBlank() ? message.senderNick() : message.senderStaffId();
        answering.answerLater(new ChatAnswering.Asked(PLATFORM, message.question(), PLATFORM + ":" + asker,
                        PLATFORM + ":" + message.conversationId(), deliveryKeys(message), receivedAt, true,
                        // The same person asking again in the same conversation soon after follows up on their question.
                        Conversation.chat(PLATFORM + ":" + message.conversationId() + ":" + asker)),
                new DingTalkCardReply(replier, openApi, reply, message, new StreamBuffer(streaming, clock),
                        "qa-" + message.msgId()));
    }
}
