package io.sofastack.qa.channel.http;

import io.sofastack.qa.feedback.Feedbacks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/feedback}: 👍 or 👎, and optionally why, on an answer of the ask API or the web page. */
@RestController
class FeedbackController {

    private static final int MAX_ID_CHARS = 64;
    private static final int MAX_VOTER_CHARS = 200;

    private final Feedbacks feedbacks;

    FeedbackController(Feedbacks feedbacks) {
        this.feedbacks = feedbacks;
    }

    @PostMapping(path = "/api/feedback", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> give(@RequestBody FeedbackRequest request, HttpServletRequest http) {
        if (request == null || request.answerId() == null || request.answerId().isBlank() || request.answerId().length() > MAX_ID_CHARS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "answer-id-missing", "answerId missing",
                    "The body must name the answer with the \"answerId\" that POST /api/ask returned, "
                            + "e.g. {\"answerId\": \"…\", \"helpful\": false, \"comment\": \"outdated\"}.");
        }
        if (request.helpful() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "helpful-missing", "helpful missing",
                    "\"helpful\" must be true (the answer helped) or false (it did not).");
        }
        String voter = request.voter() == null || request.voter().isBlank() ? "address:" + http.getRemoteAddr()
                : "client:" + request.voter().substring(0, Math.min(MAX_VOTER_CHARS, request.voter().length()));
        Feedbacks.Outcome outcome = feedbacks.give(new Feedbacks.Vote(request.answerId().strip(), request.helpful(), request.comment(),
                voter, "http"));
        return switch (outcome) {
            case RECORDED -> Map.of("answerId", request.answerId().strip(), "helpful", request.helpful(), "recorded", true);
            case UNKNOWN_ANSWER -> throw new ApiProblem(HttpStatus.NOT_FOUND, "answer-unknown", "Answer unknown",
                    "No answer with this answerId is on record: it was never given, or it is older than qa.feedback.retention.");
            case DISABLED -> throw new ApiProblem(HttpStatus.NOT_FOUND, "feedback-off", "Feedback is off",
                    "This bot does not record answers or feedback (qa.feedback.enabled=false).");
        };
    }
}
