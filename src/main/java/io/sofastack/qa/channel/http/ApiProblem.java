package io.sofastack.qa.channel.http;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses, answered as an RFC 9457 problem detail with a stable {@code type} and a
 * message that tells the caller what to change.
 */
public class ApiProblem extends ErrorResponseException {

    private static final String TYPE_BASE = "https://github.com/sofastack/community-qa-bot/problems/";

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    /** The same problem, telling the caller when to try again. */
    public ApiProblem retryAfter(java.time.Duration wait) {
        getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        return this;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
