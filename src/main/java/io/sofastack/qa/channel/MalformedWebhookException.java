package io.sofastack.qa.channel;

/** A genuine webhook request whose body is not what the platform sends: answered 400. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
