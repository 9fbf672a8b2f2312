package io.sofastack.qa.channel;

/** A webhook request whose signature, timestamp or origin could not be verified: answered 401, nothing else happens. */
public class UnverifiedRequestException extends RuntimeException {

    public UnverifiedRequestException(String reason) {
        super(reason, null, false, false);
    }
}
