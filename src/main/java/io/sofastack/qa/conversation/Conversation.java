package io.sofastack.qa.conversation;

import java.util.Objects;

/**
 * Where a question was asked, as far as follow-ups go.
 *
 * @param key the conversation's key: a thread, or an asker in a flat chat
 * @param threaded whether it is a thread (a question in it follows the thread's last question for
 *        {@code qa.conversation.thread-window}) rather than a flat chat ({@code qa.conversation.window})
 */
public record Conversation(String key, boolean threaded) {

    public Conversation {
        Objects.requireNonNull(key, "key");
    }

    /** A thread: every question in it continues the thread. */
    public static Conversation thread(String key) {
        return new Conversation(key, true);
    }

    /** One asker in a flat chat: a question continues their last one only if it comes soon after. */
    public static Conversation chat(String key) {
        return new Conversation(key, false);
    }
}
