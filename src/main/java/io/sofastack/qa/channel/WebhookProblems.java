package io.sofastack.qa.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the webhooks: 401 for anything not verified (with no hint of which check
 * failed, beyond the log), 404 for a platform that is not configured, 400 for a genuine but malformed body.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = {"io.sofastack.qa.channel.dingtalk", "io.sofastack.qa.channel.slack"})
class WebhookProblems {

    private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);

    @ExceptionHandler(UnverifiedRequestException.class)
    ResponseEntity<ProblemDetail> unverified(UnverifiedRequestException e) {
        log.warn("Refused an unverified webhook request: {}", e.getMessage());
        return problem(HttpStatus.UNAUTHORIZED, "unverified-request", "Unverified request",
                "The request's signature, timestamp or origin could not be verified.");
    }

    @ExceptionHandler(ChannelNotConfiguredException.class)
    ResponseEntity<ProblemDetail> notConfigured(ChannelNotConfiguredException e) {
        return problem(HttpStatus.NOT_FOUND, "channel-not-configured", "Channel not configured", e.getMessage());
    }

    @ExceptionHandler(MalformedWebhookException.class)
    ResponseEntity<ProblemDetail> malformed(MalformedWebhookException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-webhook", "Malformed webhook body", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, type, title, detail));
    }
}
