package io.sofastack.qa.channel;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one way this service writes an RFC 9457 problem detail: a stable {@code type} under one base
 * URI, a human {@code title}, and a {@code detail} that tells the caller what to change.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://github.com/sofastack/community-qa-bot/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
