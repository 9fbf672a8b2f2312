package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.Source;
import java.util.List;
import java.util.Map;

/**
 * The markdown message that answers a DingTalk question: the answer, its sources as links (title and
 * date), and an @-mention of the asker. DingTalk's markdown has no code blocks, so fences become plain text.
 */
final class DingTalkReply {

    private final int maxChars;

    DingTalkReply(int maxChars) {
        this.maxChars = maxChars;
    }

    Map<String, Object> markdown(DingTalkMessage message, Answer answer) {
        StringBuilder text = new StringBuilder();
        String mention = message.senderStaffId().isBlank() ? "" : "@" + message.senderStaffId();
        String sources = sources(answer);
        String body = answer.text().replace("```", "");
        int room = maxChars - sources.length() - mention.length() - 8;
        if (body.length() > room) {
            body = body.substring(0, Math.max(0, room)).strip() + " …";
        }
        text.append(body);
        if (!sources.isEmpty()) {
            text.append("\n\n").append(sources);
        }
        if (!mention.isEmpty()) {
            text.append("\n\n").append(mention);
        }
        Map<String, Object> at = message.senderStaffId().isBlank()
                ? Map.of("isAtAll", false)
                : Map.of("atUserIds", List.of(message.senderStaffId()), "isAtAll", false);
        return Map.of("msgtype", "markdown",
                "markdown", Map.of("title", title(message.question()), "text", text.toString()),
                "at", at);
    }

    /** The sources as a markdown list under a heading; empty when there are none. */
    static String sources(Answer answer) {
        if (answer.sources().isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder(answer.grounded() ? "**来源**" : "**可能相关的讨论**");
        for (Source source : answer.sources()) {
            list.append("\n- [").append(source.label().replace("[", "(").replace("]", ")"));
            if (source.date() != null) {
                list.append(" (").append(source.date()).append(')');
            }
            list.append("](").append(source.url()).append(')');
        }
        return list.toString();
    }

    private static String title(String question) {
        String oneLine = question.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
