package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.Source;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The markdown message that answers a DingTalk question: the answer, its sources as links (title and
 * date), 👍/👎 links to the feedback page when {@code qa.dingtalk.feedback-url} names it, and an
 * @-mention of the asker. DingTalk's markdown has no code blocks, so fences become plain text.
 */
final class DingTalkReply {

    private final int maxChars;
    private final String feedbackUrl;

    DingTalkReply(int maxChars) {
        this(maxChars, null);
    }

    /** @param feedbackUrl the bot's public feedback page, or {@code null} for answers without 👍/👎 links */
    DingTalkReply(int maxChars, String feedbackUrl) {
        this.maxChars = maxChars;
        this.feedbackUrl = feedbackUrl == null || feedbackUrl.isBlank() ? null : feedbackUrl.strip();
    }

    /** What follows the answer's text: its sources, then the 👍/👎 links; empty when there is neither. */
    String footer(Answer answer) {
        String sources = sources(answer);
        if (feedbackUrl == null || !answer.rateable()) {
            return sources;
        }
        // Links, not buttons: a plain robot message can only open a URL. The page asks before it records
        // anything, so a link preview or a curious click votes nothing.
        String links = "这个回答有帮助吗？[👍 有帮助](" + vote(answer, true) + ") · [👎 没帮助](" + vote(answer, false) + ")";
        return sources.isEmpty() ? links : sources + "\n\n" + links;
    }

    private String vote(Answer answer, boolean helpful) {
        return UriComponentsBuilder.fromUriString(feedbackUrl).queryParam("answer", answer.id()).queryParam("helpful", helpful)
                .encode().build().toUriString();
    }

    Map<String, Object> markdown(DingTalkMessage message, Answer answer) {
        StringBuilder text = new StringBuilder();
        String mention = message.senderStaffId().isBlank() ? "" : "@" + message.senderStaffId();
        String sources = footer(answer);
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
            String title = source.label().replace("[", "(").replace("]", ")");
            String dated = source.date() == null ? title : title + " (" + source.date() + ")";
            // A source without an address (a community answer from a chat that has no permalinks) is named, not linked.
            list.append(source.url().isBlank() ? "\n- " + dated : "\n- [" + dated + "](" + source.url() + ")");
        }
        return list.toString();
    }

    private static String title(String question) {
        String oneLine = question.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
