package io.sofastack.qa.channel.http;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerService;
import io.sofastack.qa.channel.RateLimits;
import io.sofastack.qa.conversation.Conversation;
import io.sofastack.qa.conversation.Conversations;
import io.sofastack.qa.conversation.FollowUp;
import io.sofastack.qa.feedback.AnswerJournal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One question asked over HTTP, whether its answer comes back whole ({@code POST /api/ask}) or as a
 * stream of events ({@code POST /api/ask/stream}): the request checked against the limits, the rate
 * limit and the index's readiness, read as a follow-up where it names a conversation, answered, logged
 * and recorded.
 */
@Component
class HttpQuestions {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:-]+");

    /** A question that passed every check, ready to be answered. */
    record Checked(String question, int topK, Conversation conversation, String channel, long startedNanos) {
    }

    /** An answer, and the earlier question it was read together with ({@code null} when none). */
    record Answered(Answer answer, String followUpOf, long tookMs) {
    }

    private final AnswerService answers;
    private final AskProperties limits;
    private final RateLimits rateLimits;
    private final Conversations conversations;
    private final AnswerJournal journal;

    HttpQuestions(AnswerService answers, AskProperties limits, RateLimits rateLimits, Conversations conversations,
                  AnswerJournal journal) {
        this.answers = answers;
        this.limits = limits;
        this.rateLimits = rateLimits;
        this.conversations = conversations;
        this.journal = journal;
    }

    /** The request checked, or the problem that refuses it. */
    Checked check(AskRequest request, HttpServletRequest http, String channel) {
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
        return new Checked(question, topK, checkedConversation(request), channel, started);
    }

    /** Whether the answer will be written by an LLM as it goes, so that a stream has pieces to show. */
    boolean streams() {
        return answers.isGenerative();
    }

    /**
     * The answer; {@code written} (or {@code null}) is handed each piece of an LLM's answer as it comes.
     * Small talk gets an invitation to ask, which is neither logged as an answer nor recorded.
     */
    Answered answer(Checked checked, Consumer<String> written) {
        String question = checked.question();
        if (answers.isSmallTalk(question)) {
            return new Answered(answers.smallTalkReply(question), null, tookMs(checked));
        }
        Answer answer;
        String followUpOf = null;
        if (checked.conversation() == null) {
            answer = answers.answer(question, answers.retrieve(question, checked.topK()), checked.topK(), written);
        } else {
            FollowUp read = conversations.read(checked.conversation(), checked.conversation().key(), question);
            conversations.remember(checked.conversation(), checked.conversation().key(), read);
            answer = answers.answer(read.query(), answers.retrieve(read.query(), checked.topK()), checked.topK(), written);
            followUpOf = read.follows();
        }
        long took = System.nanoTime() - checked.startedNanos();
        journal.answered(checked.channel(), question, answer, took, null);
        return new Answered(answer, followUpOf, took / 1_000_000);
    }

    private static long tookMs(Checked checked) {
        return (System.nanoTime() - checked.startedNanos()) / 1_000_000;
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
