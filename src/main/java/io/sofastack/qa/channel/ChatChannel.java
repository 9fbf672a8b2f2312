package io.sofastack.qa.channel;

/** A chat platform that answers accepted messages; the delivery log hands it back what a crash left unanswered. */
public interface ChatChannel {

    /** The name under which its deliveries are logged. */
    String platform();

    /** The keys under which an accepted message was logged, from the payload it logged. */
    java.util.List<String> deliveryKeys(Delivery delivery);

    /**
     * Whether the answer to an accepted message is on the platform already, when the platform can tell
     * (empty when it cannot): asked before answering again a message whose answer was being posted.
     */
    default java.util.Optional<Boolean> wasPosted(Delivery delivery) {
        return java.util.Optional.empty();
    }

    /**
     * Whether someone other than the asker, and not a bot, has replied to an accepted message since it
     * was asked, when the platform can tell: a person answered, and the bot keeps quiet.
     */
    default boolean othersReplied(Delivery delivery) {
        return false;
    }

    /** Answers an accepted message again, from the payload it logged when it accepted it. */
    void answerLogged(Delivery delivery);
}
