package io.sofastack.qa.channel.http;

import io.sofastack.qa.channel.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses, answered as an RFC 9457 problem detail with a stable {@code type} and a
 * message that tells the caller what to change.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, Problems.of(status, type, title, detail), null);
    }

    /** The same problem, telling the caller when to try again. */
    public ApiProblem retryAfter(java.time.Duration wait) {
        getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        return this;
    }
}
