package io.sofastack.qa.channel;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What became of one attempt to post a reply to a chat platform. Only a failure that certainly left
 * nothing posted is retried: a reply whose fate is unknown (the request went out, no answer came back)
 * is never posted again, so that no path posts twice.
 */
public enum PostOutcome {
    /** The platform has the reply. */
    POSTED,
    /** Certainly not posted, and worth another try: no connection, throttled, a gateway that did not pass it on. */
    RETRYABLE,
    /** Not posted, and another try would fare no better: the platform refused it, or it may not be posted at all. */
    REFUSED,
    /** The request went out and no answer came back: it may have been posted. */
    IN_DOUBT;

    /** The outcome of an HTTP status the platform answered with. */
    public static PostOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return POSTED;
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            return RETRYABLE;
        }
        return status >= 500 ? IN_DOUBT : REFUSED;
    }

    /** The outcome of a request that threw. */
    public static PostOutcome ofFailure(RestClientException failure) {
        if (failure instanceof RestClientResponseException response) {
            return ofStatus(response.getStatusCode().value());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                return RETRYABLE;
            }
        }
        return IN_DOUBT;
    }
}
