package io.sofastack.qa.channel.http;

import io.sofastack.qa.channel.Problems;
import io.sofastack.qa.retrieval.RetrievalBusyException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/ask/stream}: the same question as {@code POST /api/ask}, answered as server-sent
 * events. While an LLM writes the answer, {@code token} events carry its pieces ({@code {"text": …}}),
 * then {@code sources} lists what it cites, and {@code done} carries the whole response, exactly as
 * {@code /api/ask} would return it. An extractive answer or an abstention comes as the one {@code done}
 * event. A request the API refuses gets its problem detail before any event; a failure while answering
 * ends the stream with an {@code error} event holding one.
 */
@RestController
class AskStreamController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AskStreamController.class);

    private final HttpQuestions questions;
    private final AskProperties limits;
    private final ThreadPoolExecutor executor;

    AskStreamController(HttpQuestions questions, AskProperties limits) {
        this.questions = questions;
        this.limits = limits;
        this.executor = new ThreadPoolExecutor(limits.streamThreads(), limits.streamThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.streamThreads()), new CustomizableThreadFactory("ask-stream-"));
    }

    @PostMapping(path = "/api/ask/stream", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter ask(@RequestBody AskRequest request, HttpServletRequest http) {
        HttpQuestions.Checked checked = questions.check(request, http, "web");
        SseEmitter events = new SseEmitter(limits.streamTimeout().toMillis());
        try {
            executor.execute(() -> answer(checked, events));
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Too many streams",
                    "More streamed questions are being answered than qa.ask.stream-threads allows; ask again in a moment.");
        }
        return events;
    }

    private void answer(HttpQuestions.Checked checked, SseEmitter events) {
        try {
            HttpQuestions.Answered answered = questions.answer(checked, piece -> send(events, "token", Map.of("text", piece)));
            AskResponse response = AskResponse.of(answered.answer(), answered.tookMs(), answered.followUpOf());
            if (questions.streams() && answered.answer().grounded()) {
                send(events, "sources", response.sources());
            }
            send(events, "done", response);
            events.complete();
        } catch (StreamClosedException e) {
            log.debug("The client closed a stream before its answer was done");
        } catch (RuntimeException e) {
            boolean busy = e instanceof RetrievalBusyException;
            if (!busy) {
                log.error("Answering a streamed question failed", e);
            }
            try {
                send(events, "error", busy ? ProblemHandler.busyProblem()
                        : Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                                "The bot could not answer this question; it has been logged."));
                events.complete();
            } catch (StreamClosedException closed) {
                log.debug("The client closed a stream before its error was sent");
            }
        }
    }

    private static void send(SseEmitter events, String name, Object data) {
        try {
            events.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            throw new StreamClosedException(e);
        }
    }

    /** The client went away: nothing more can be sent, and the answer need not go on. */
    private static final class StreamClosedException extends RuntimeException {
        StreamClosedException(Throwable cause) {
            super(cause);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
