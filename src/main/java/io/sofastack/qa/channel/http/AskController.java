package io.sofastack.qa.channel.http;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerLog;
import io.sofastack.qa.answer.AnswerService;
import io.sofastack.qa.conversation.Conversation;
import io.sofastack.qa.conversation.Conversations;
import io.sofastack.qa.conversation.FollowUp;
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

    private static final java.util.regex.Pattern CONVERSATION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]+");

    private final Conversations conversations;

    AskController(AnswerService answers, AskProperties limits, RateLimits rateLimits,
                  AnswerLog answerLog, Conversations conversations) {
        this.conversations = conversations;
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
        Conversation conversation = checkedConversation(request);
        if (conversation == null || answers.isSmallTalk(question)) {
            Answer answer = answers.ask(question, topK);
            long took = System.nanoTime() - started;
            answerLog.answered("http", question, answer, took);
            return AskResponse.of(answer, took / 1_000_000);
        }
        FollowUp read = conversations.read(conversation, conversation.key(), question);
        conversations.remember(conversation, conversation.key(), read);
        Answer answer = answers.answer(read.query(), answers.retrieve(read.query(), topK), topK);
        long took = System.nanoTime() - started;
        answerLog.answered("http", question, answer, took);
        return AskResponse.of(answer, took / 1_000_000, read.follows());
    }

    /** The conversation a question belongs to, when it names one; its id is the client's, so it is checked. */
    private Conversation checkedConversation(AskRequest request) {
        String id = request.conversationId();
        if (id == null) {
            return null;
        }
        if (id.isBlank() || id.length() > limits.maxConversationIdChars() || !CONVERSATION_ID.matcher(id).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "conversation-id-invalid", "conversationId invalid",
                    "\"conversationId\" must be 1 to " + limits.maxConversationIdChars() + " letters, digits or . _ : - "
                            + "(qa.ask.max-conversation-id-chars), e.g. a UUID the client keeps for the conversation.");
        }
        return Conversation.thread("api:" + id);
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
