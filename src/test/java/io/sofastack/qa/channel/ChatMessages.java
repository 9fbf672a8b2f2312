package io.sofastack.qa.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Bodies of the messages DingTalk and Slack deliver, built as the platforms build them. */
public final class ChatMessages {

    public static final String QUESTION = "三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatMessages() {
    }

    public static String dingTalk(String msgId, String sessionWebhook, Instant expires) {
        return dingTalk(msgId, sessionWebhook, expires, QUESTION);
    }

    public static String dingTalk(String msgId, String sessionWebhook, Instant expires, String text) {
        return JSON.writeValueAsString(Map.ofEntries(
                Map.entry("msgtype", "text"), Map.entry("text", Map.of("content", " " + text)),
                Map.entry("msgId", msgId), Map.entry("createAt", System.currentTimeMillis()),
                Map.entry("conversationType", "2"), Map.entry("conversationId", "cid-group-1"),
                Map.entry("senderId", "$:LWCP_v1:$sender"), Map.entry("senderStaffId", "staff-42"),
                Map.entry("senderNick", "小王"), Map.entry("chatbotUserId", "$:LWCP_v1:$bot"),
                Map.entry("robotCode", "ding-robot"), Map.entry("isInAtList", true),
                Map.entry("sessionWebhook", sessionWebhook), Map.entry("sessionWebhookExpiredTime", expires.toEpochMilli())));
    }

    public static String slackMention(String eventId, String ts, String threadTs) {
        return slackMention(eventId, ts, threadTs, QUESTION);
    }

    /** A mention of the bot ({@code <@UBOT>}) saying {@code text}, in a channel's new message or in a thread. */
    public static String slackMention(String eventId, String ts, String threadTs, String text) {
        Map<String, Object> event = new java.util.HashMap<>(Map.of("type", "app_mention", "user", "U061F7AUR",
                "text", "<@UBOT> " + text, "ts", ts, "channel", "C0LAN2Q65", "event_ts", ts));
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        return envelope(eventId, event);
    }

    /** A new message in a public channel, as {@code message.channels} delivers it (no mention of the bot). */
    public static String slackChannelMessage(String eventId, String channel, String ts, String text) {
        return envelope(eventId, Map.of("type", "message", "channel_type", "channel", "user", "U061F7AUR", "text", text,
                "ts", ts, "channel", channel, "event_ts", ts));
    }

    public static String envelope(String eventId, Map<String, Object> event) {
        return JSON.writeValueAsString(Map.of("type", "event_callback", "event_id", eventId, "event_time", 1_700_000_000,
                "team_id", "T1", "api_app_id", "A1", "event", event,
                "authorizations", List.of(Map.of("team_id", "T1", "user_id", "UBOT", "is_bot", true))));
    }
}
