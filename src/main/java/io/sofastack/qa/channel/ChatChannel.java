package io.sofastack.qa.channel;

/** A chat platform that answers accepted messages; the delivery log hands it back what a crash left unanswered. */
public interface ChatChannel {

    /** The name under which its deliveries are logged. */
    String platform();

    /** Answers an accepted message again, from the payload it logged when it accepted it. */
    void answerLogged(String payload);
}
