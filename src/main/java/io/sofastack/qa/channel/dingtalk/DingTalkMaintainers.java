package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.community.MaintainerReplies;
import io.sofastack.qa.community.CommunityProperties;
import io.sofastack.qa.community.MaintainerReply;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Hears the maintainers in DingTalk. A robot there receives only the messages that @-mention it, and a
 * group has no threads, so a maintainer answers by @-mentioning the robot with one of
 * {@code qa.community.dingtalk-answer-prefixes} ({@code 答：…}): the answer is tied to the last question
 * the robot could not answer in that group within {@code qa.community.dingtalk-window}, and the robot
 * says whether it was kept for review.
 */
final class DingTalkMaintainers {

    private final CommunityProperties properties;
    private final MaintainerReplies answers;
    private final DingTalkReplier replier;

    DingTalkMaintainers(CommunityProperties properties, MaintainerReplies answers, DingTalkReplier replier) {
        this.properties = properties;
        this.answers = answers;
        this.replier = replier;
    }

    /** Whether the message is a maintainer's answer rather than a question. */
    boolean answers(DingTalkMessage message) {
        return message.group() && answers.listedMaintainer(DingTalkChannel.PLATFORM, message.senderStaffId()) && prefix(message) != null;
    }

    void heard(DingTalkMessage message, Instant at) {
        String text = message.question().substring(prefix(message).length()).strip();
        answers.hear(new MaintainerReply(DingTalkChannel.PLATFORM, DingTalkChannel.PLATFORM + ":" + message.senderStaffId(),
                        DingTalkChannel.PLATFORM + ":" + message.conversationId() + ":", false,
                        DingTalkChannel.PLATFORM + ":" + message.msgId(), text, () -> "", at))
                .thenAccept(candidate -> replier.post(message, confirmation(candidate)));
    }

    private Map<String, Object> confirmation(Optional<?> candidate) {
        String text = candidate.isPresent() ? "收到，已记下这条解答，审核通过后会用来回答同类问题。"
                : "这条解答没有对上最近 " + properties.dingtalkWindow().toMinutes() + " 分钟内我没能回答的问题，所以没有记下。";
        return Map.of("msgtype", "text", "text", Map.of("content", text));
    }

    private String prefix(DingTalkMessage message) {
        for (String prefix : properties.dingtalkAnswerPrefixes()) {
            if (message.question().regionMatches(true, 0, prefix, 0, prefix.length())) {
                return prefix;
            }
        }
        return null;
    }
}
