package io.sofastack.qa.channel;

/** A chat platform that answers accepted messages; the delivery log hands it back what a crash left unanswered. */
public interface ChatChannel {

    /** The name under which its deliveries are logged. */
    String platform();

    /** The keys under which an accepted message was logged, from the payload it logged. */
    java.util.List<String> deliveryKeys(Delivery delivery);

    /** Answers an accepted message again, from the payload it logged when it accepted it. */
    void answerLogged(Delivery delivery);
}
