package io.sofastack.qa.channel.dingtalk;

import tools.jackson.databind.JsonNode;

/**
 * The fields of a DingTalk robot callback the bot uses.
 *
 * @param msgId the message id: the dedupe key
 * @param question the text, with the leading space DingTalk leaves after removing the @-mention trimmed
 * @param group whether it came from a group ({@code conversationType} 2) rather than a 1:1 chat
 * @param senderStaffId the asker's user id in the organisation, to @-mention them; may be empty
 * @param senderNick the asker's display name
 * @param sessionWebhook where to reply
 * @param sessionWebhookExpiresAt epoch milliseconds after which {@code sessionWebhook} stops working
 */
record DingTalkMessage(String msgId, String msgtype, String question, boolean group, String conversationId,
                       String senderStaffId, String senderNick, String robotCode, String sessionWebhook,
                       long sessionWebhookExpiresAt) {

    static DingTalkMessage of(JsonNode body) {
        String question = body.path("text").path("content").asString("");
        if (question.isBlank() && body.path("content").isString()) {
            question = body.path("content").asString("");
        }
        return new DingTalkMessage(body.path("msgId").asString(""), body.path("msgtype").asString("text"),
                question.strip(), "2".equals(body.path("conversationType").asString("")),
                body.path("conversationId").asString(""), body.path("senderStaffId").asString(""),
                body.path("senderNick").asString(""), body.path("robotCode").asString(""),
                body.path("sessionWebhook").asString(""), millis(body.path("sessionWebhookExpiredTime")));
    }

    private static long millis(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asString("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
