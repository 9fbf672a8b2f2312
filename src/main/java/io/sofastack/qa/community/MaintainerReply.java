package io.sofastack.qa.community;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A maintainer's message in a chat that may answer what the bot could not.
 *
 * @param platform {@code slack} or {@code dingtalk}
 * @param maintainer who wrote it, as the platform names them
 * @param thread the thread the record of answers knows the question by ({@code slack:C1:1712345678.000100}),
 *        or, for a chat without threads, the prefix of its conversations' keys ({@code dingtalk:cid1:})
 * @param threaded whether {@code thread} is a thread, or only a prefix within {@code qa.community.dingtalk-window}
 * @param messageKey the message's own key: a message heard twice (a retried delivery) counts once
 * @param text what the maintainer wrote, as Markdown
 * @param link the thread's permalink, asked for only when a candidate is made; may give an empty string
 * @param at when it was written
 */
public record MaintainerReply(String platform, String maintainer, String thread, boolean threaded, String messageKey,
                              String text, Supplier<String> link, Instant at) {

    public MaintainerReply {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(text, "text");
        link = link == null ? () -> "" : link;
    }
}
