package io.sofastack.qa.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Reads each question in its conversation: a follow-up ("那 5 个节点呢？") is retrieved together with
 * the question it follows, by the LLM's rewrite when one is configured, otherwise by the merge rule
 * ({@code qa.conversation.merge}). Shared by every chat and the ask API.
 */
@Service
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final ConversationStore store;
    private final ConversationProperties properties;
    private final FollowUpRule rule;
    private final Optional<FollowUpRewriter> rewriter;
    private final Clock clock;

    Conversations(ConversationStore store, ConversationProperties properties, ObjectProvider<FollowUpRewriter> rewriter, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.rewriter = Optional.ofNullable(rewriter.getIfAvailable());
        this.clock = clock;
        this.rule = new FollowUpRule(properties.merge(), properties.maxQueryChars());
    }

    /**
     * The question read in its conversation. {@code asker} must have asked the conversation's last
     * question in a flat chat; in a thread anyone's question continues it. A failing database never
     * keeps a question from being answered: it is then read alone.
     */
    public FollowUp read(Conversation conversation, String asker, String question) {
        if (!properties.enabled() || conversation == null) {
            return FollowUp.alone(question);
        }
        Optional<ConversationStore.Turn> last;
        try {
            last = store.last(conversation.key());
        } catch (RuntimeException e) {
            log.warn("Reading conversation {} failed: the question is read alone ({})", conversation.key(), e.getMessage());
            return FollowUp.alone(question);
        }
        if (last.isEmpty() || !conversation.threaded() && !last.get().asker().equals(asker)
                || last.get().askedAt().plus(windowOf(conversation)).isBefore(clock.instant())) {
            return FollowUp.alone(question);
        }
        ConversationStore.Turn previous = last.get();
        String query = rewriter.flatMap(llm -> llm.rewrite(previous.question(), question))
                .orElseGet(() -> rule.query(previous.query(), question));
        return new FollowUp(question, query, previous.question());
    }

    /** Remembers the question as its conversation's last, for what may follow it. */
    public void remember(Conversation conversation, String asker, FollowUp question) {
        if (!properties.enabled() || conversation == null) {
            return;
        }
        Instant now = clock.instant();
        try {
            store.remember(conversation.key(), new ConversationStore.Turn(asker, question.question(), question.query(), now),
                    now.plus(windowOf(conversation)));
        } catch (RuntimeException e) {
            log.warn("Remembering conversation {} failed: a follow-up to it will be read alone ({})", conversation.key(), e.getMessage());
        }
    }

    /** Whether the conversation has a last question still in its window: a thread the bot answered in. */
    public boolean isOngoing(Conversation conversation) {
        return lastAsker(conversation).isPresent();
    }

    /** The asker of the conversation's last question while it is in its window. */
    public Optional<String> lastAsker(Conversation conversation) {
        if (!properties.enabled() || conversation == null) {
            return Optional.empty();
        }
        try {
            return store.last(conversation.key())
                    .filter(turn -> !turn.askedAt().plus(windowOf(conversation)).isBefore(clock.instant()))
                    .map(ConversationStore.Turn::asker);
        } catch (RuntimeException e) {
            log.warn("Reading conversation {} failed: {}", conversation.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private Duration windowOf(Conversation conversation) {
        return conversation.threaded() ? properties.threadWindow() : properties.window();
    }
}
