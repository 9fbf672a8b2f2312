package io.sofastack.qa.channel.slack;

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
import io.sofastack.qa.conversation.Conversations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
 * The Slack app's Events API side: verifies each request, answers URL verification, accepts each
 * {@code app_mention} or direct message once (by {@code event_id}, and by channel and timestamp), and
 * answers it in its thread after the request has been acknowledged. In the channels of
 * {@code qa.slack.listen-channels} it also reads new messages that do not mention it, and answers
 * those only when it is sure ({@link ChatAnswering}).
 */
@Component
class SlackChannel implements ChatChannel {

    static final String PLATFORM = "slack";
    private static final Logger log = LoggerFactory.getLogger(SlackChannel.class);

    private final SlackProperties properties;
    private final DeliveryLog deliveries;
    private final ChatAnswering answering;
    private final JsonMapper jsonMapper;
    private final SlackSignature signature;
    private final SlackClient client;
    private final SlackFormat format;
    private final Clock clock;
    private final StreamingProperties streaming;
    private final Conversations conversations;
    private final SlackMaintainers maintainers;

    SlackChannel(SlackProperties properties, DeliveryLog deliveries, @Lazy ChatAnswering answering, JsonMapper jsonMapper,
                 OutboundHttp outbound, Clock clock, StreamingProperties streaming, Conversations conversations,
                 CommunityProperties community, MaintainerReplies maintainerReplies) {
        this.streaming = streaming;
        this.conversations = conversations;
        this.properties = properties;
        this.deliveries = deliveries;
        this.answering = answering;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.signature = new SlackSignature(properties.signingSecret(), properties.maxClockSkew(), clock);
        this.client = new SlackClient(outbound.restClient(), properties, duration -> Thread.sleep(duration.toMillis()));
        this.format = new SlackFormat(properties.maxMessageChars());
        this.maintainers = new SlackMaintainers(outbound.restClient(), properties, community, maintainerReplies, clock);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    void verify(String timestamp, String signatureHeader, byte[] body) {
        if (!properties.enabled()) {
            throw new ChannelNotConfiguredException("Slack", "qa.slack.signing-secret");
        }
        String problem = signature.problemWith(timestamp, signatureHeader, body);
        if (problem != null) {
            throw new UnverifiedRequestException(problem);
        }
    }

    SlackClient client() {
        return client;
    }

    SlackFormat format() {
        return format;
    }

    /**
     * Handles one verified Events API request; returns the URL-verification challenge, or {@code null}
     * when the event is accepted or ignored. Never waits for an answer.
     */
    String receive(byte[] body) {
        JsonNode envelope;
        try {
            envelope = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("The event body is not valid JSON.");
        }
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedWebhookException("The event body is not a JSON object.");
        }
        String type = envelope.path("type").asString("");
        if ("url_verification".equals(type)) {
            return envelope.path("challenge").asString("");
        }
        if (!"event_callback".equals(type)) {
            return null;
        }
        if ("assistant_thread_started".equals(envelope.path("event").path("type").asString(""))) {
            offerPrompts(envelope.path("event").path("assistant_thread"));
            return null;
        }
        SlackQuestion question = question(envelope);
        if (question == null) {
            return null;
        }
        if (question.threadReply() && !isFollowUp(question)) {
            // People talking in a thread are left alone; a maintainer among them may be answering what the bot could not.
            maintainers.heard(question.channel(), question.threadTs(), question.ts(), question.user(),
                    envelope.path("event").path("text").asString(""));
            return null;
        }
        if (!deliveries.claim(PLATFORM, question.deliveryKeys(), new String(body, StandardCharsets.UTF_8))) {
            log.info("Slack event {} was delivered before: not answered again", question.eventId());
            return null;
        }
        answer(question, clock.instant());
        return null;
    }

    /**
     * A new assistant thread (the app's side panel) offers a few questions the archive answers; if
     * Slack will not take them, the thread simply opens without.
     */
    private void offerPrompts(JsonNode thread) {
        String channel = thread.path("channel_id").asString("");
        String threadTs = thread.path("thread_ts").asString("");
        if (!channel.isBlank() && !threadTs.isBlank() && !properties.suggestedPrompts().isEmpty()) {
            client.setSuggestedPrompts(channel, threadTs, properties.suggestedPrompts());
        }
    }

    /**
     * Whether a thread reply that does not mention the bot is a follow-up it answers: the bot answered
     * in the thread, the one who asked it there asks again ({@code qa.slack.follow-ups=asker}), and the
     * reply asks something. Otherwise people talking in the thread are left alone.
     */
    private boolean isFollowUp(SlackQuestion reply) {
        return properties.followUps() == SlackProperties.FollowUps.ASKER && answering.asksSomething(reply.text())
                && conversations.lastAsker(reply.context()).map((PLATFORM + ":" + reply.user())::equals).orElse(false);
    }

    private SlackQuestion question(JsonNode envelope) {
        return SlackQuestion.of(envelope, properties.botUserId(), properties.listenChannels());
    }

    /** The question of a delivery this channel logged, from the event it logged. */
    private SlackQuestion question(Delivery delivery) {
        return question(jsonMapper.readTree(delivery.payload()));
    }

    @Override
    public List<String> deliveryKeys(Delivery delivery) {
        SlackQuestion question = question(delivery);
        return question == null ? List.of() : question.deliveryKeys();
    }

    /** Slack can tell: the thread is read back; in a direct message there is nobody else. */
    @Override
    public boolean othersReplied(Delivery delivery) {
        SlackQuestion question = question(delivery);
        return question != null && !question.direct()
                && client.othersRepliedSince(question.channel(), question.threadTs(), question.ts(), question.user()).orElse(false);
    }

    /** Slack can tell: the bot's answers carry their delivery as metadata. */
    @Override
    public Optional<Boolean> wasPosted(Delivery delivery) {
        SlackQuestion question = question(delivery);
        return question == null ? Optional.empty()
                : client.findAnswer(question.channel(), question.threadTs(), question.deliveryKeys().get(0));
    }

    @Override
    public void answerLogged(Delivery delivery) {
        SlackQuestion question = question(delivery);
        if (question != null) {
            answer(question, delivery.receivedAt());
        }
    }

    private void answer(SlackQuestion question, Instant receivedAt) {
        answering.answerLater(new ChatAnswering.Asked(PLATFORM, question.text(), PLATFORM + ":" + question.user(),
                        PLATFORM + ":" + question.channel(), question.deliveryKeys(), receivedAt, question.mentioned(), question.context()),
                new SlackStreamedReply(client, format, question, new StreamBuffer(streaming, clock)));
    }

    /**
     * A question from an event the bot answers; {@code null} for every other event.
     *
     * @param mentioned asked of the bot (a mention or a direct message), not overheard in a listened channel
     * @param direct a direct message: nobody but the asker and the bot is there
     * @param threadReply a reply in a channel's thread that does not mention the bot
     */
    record SlackQuestion(String eventId, String user, String team, String channel, String ts, String threadTs, String text,
                         boolean mentioned, boolean direct, boolean threadReply) {

        /**
         * The conversation it continues: its thread; a direct message outside a thread continues what
         * the same person asked a moment ago.
         */
        Conversation context() {
            return direct && threadTs.equals(ts) ? Conversation.chat(PLATFORM + ":" + channel + ":" + user)
                    : Conversation.thread(PLATFORM + ":" + channel + ":" + threadTs);
        }

        /**
         * A reply in a thread of a direct message: how Slack's assistant side panel holds its
         * conversations, where the bot may show a status while it works.
         */
        boolean assistantThread() {
            return direct && !threadTs.equals(ts);
        }

        static SlackQuestion of(JsonNode envelope, String configuredBotUserId, List<String> listenChannels) {
            JsonNode event = envelope.path("event");
            String type = event.path("type").asString("");
            String channelType = event.path("channel_type").asString("");
            boolean mention = "app_mention".equals(type);
            boolean directMessage = "message".equals(type) && "im".equals(channelType);
            // A new message (not a thread reply) in a channel the bot listens to. One that mentions the
            // bot comes as an app_mention too, and is answered as that.
            boolean inChannel = "message".equals(type) && ("channel".equals(channelType) || "group".equals(channelType))
                    && !mentionsBot(event.path("text").asString(""), envelope, configuredBotUserId);
            boolean overheard = inChannel && listenChannels.contains(event.path("channel").asString("")) && !event.hasNonNull("thread_ts");
            // A reply in a thread that does not mention the bot: a follow-up if the bot answered there (see receive).
            boolean threadReply = inChannel && event.hasNonNull("thread_ts")
                    && !event.path("thread_ts").asString("").equals(event.path("ts").asString(""));
            if (!mention && !directMessage && !overheard && !threadReply) {
                return null;
            }
            // Messages from bots (ours included) and edits, joins and other subtypes are not questions.
            if (event.hasNonNull("bot_id") || event.hasNonNull("subtype")) {
                return null;
            }
            String user = event.path("user").asString("");
            if (user.isBlank() || user.equals(configuredBotUserId) || isBotUser(envelope, user)) {
                return null;
            }
            String text = SlackFormat.question(event.path("text").asString(""));
            String eventId = envelope.path("event_id").asString("");
            String channel = event.path("channel").asString("");
            String ts = event.path("ts").asString("");
            if (text.isBlank() || eventId.isBlank() || channel.isBlank() || ts.isBlank()) {
                return null;
            }
            String threadTs = event.path("thread_ts").asString("");
            String team = event.path("team").asString(envelope.path("team_id").asString(""));
            return new SlackQuestion(eventId, user, team, channel, ts, threadTs.isBlank() ? ts : threadTs, text, !overheard, directMessage,
                    threadReply);
        }

        private static boolean mentionsBot(String text, JsonNode envelope, String configuredBotUserId) {
            if (configuredBotUserId != null && !configuredBotUserId.isBlank() && text.contains("<@" + configuredBotUserId + ">")) {
                return true;
            }
            for (JsonNode authorization : envelope.path("authorizations")) {
                if (authorization.path("is_bot").asBoolean(false) && text.contains("<@" + authorization.path("user_id").asString("") + ">")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isBotUser(JsonNode envelope, String user) {
            for (JsonNode authorization : envelope.path("authorizations")) {
                if (authorization.path("is_bot").asBoolean(false) && user.equals(authorization.path("user_id").asString(""))) {
                    return true;
                }
            }
            return false;
        }

        List<String> deliveryKeys() {
            return List.of(PLATFORM + ":event:" + eventId, PLATFORM + ":message:" + channel + ":" + ts);
        }
    }
}
