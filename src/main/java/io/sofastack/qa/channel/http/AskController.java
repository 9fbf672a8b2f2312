package io.sofastack.qa.channel.http;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerLog;
import io.sofastack.qa.answer.AnswerService;
import io.sofastack.qa.channel.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/ask}: a question in, a grounded answer with its sources out. */
@RestController
class AskController {

    private final AnswerService answers;
    private final AskProperties limits;
    private final RateLimits rateLimits;
    private final AnswerLog answerLog;

    AskController(AnswerService answers, AskProperties limits, RateLimits rateLimits,
                  AnswerLog answerLog) {
        this.answerLog = answerLog;
        this.answers = answers;
        this.limits = limits;
        this.rateLimits = rateLimits;
    }

    @PostMapping(path = "/api/ask", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    AskResponse ask(@RequestBody AskRequest request, HttpServletRequest http) {
        long started = System.nanoTime();
        String question = checkedQuestion(request);
        int topK = checkedTopK(request);
        Optional<Duration> wait = rateLimits.acquire("http:" + http.getRemoteAddr(), null);
        if (wait.isPresent()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many questions",
                    "Questions from this address come faster than the bot takes them (qa.rate-limit.*); ask again later.")
                    .retryAfter(wait.get());
        }
        if (!answers.isReady()) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "index-not-ready", "Index not ready",
                    "The archive is still being indexed; ask again in a moment (GET /api/index shows progress).");
        }
        Answer answer = answers.ask(question, topK);
        long took = System.nanoTime() - started;
        answerLog.answered("http", question, answer, took);
        return AskResponse.of(answer, took / 1_000_000);
    }

    private String checkedQuestion(AskRequest request) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "question-missing", "Question missing",
                    "The body must be a JSON object with a non-blank \"question\", e.g. {\"question\": \"MOSN 支持 dubbo 吗？\"}.");
        }
        String question = request.question().strip();
        if (question.length() > limits.maxQuestionChars()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "question-too-long", "Question too long",
                    "The question has " + question.length() + " characters; at most " + limits.maxQuestionChars()
                            + " are accepted (qa.ask.max-question-chars).");
        }
        return question;
    }

    private int checkedTopK(AskRequest request) {
        if (request.topK() == null) {
            return limits.defaultTopK();
        }
        if (request.topK() < 1 || request.topK() > limits.maxTopK()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "top-k-out-of-range", "topK out of range",
                    "\"topK\" must be between 1 and " + limits.maxTopK() + " (qa.ask.max-top-k); it was " + request.topK() + ".");
        }
        return request.topK();
    }
}
