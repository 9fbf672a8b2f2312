package io.sofastack.qa.answer;

import io.sofastack.qa.answer.LlmOutcome.Kind;
import io.sofastack.qa.retrieval.RetrievedPassage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Asks the LLM for an answer grounded in the retrieved threads. Every way it can fail (error, timeout,
 * too many calls in flight, empty or uncited output) comes back as {@link LlmOutcome.Failed}, never as
 * an exception: the caller then serves the extractive answer.
 */
final class GenerativeAnswerer {

    private static final Logger log = LoggerFactory.getLogger(GenerativeAnswerer.class);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3})]");
    /** What the LLM says when the sources do not answer the question (prompts/system.st). */
    static final String NO_ANSWER = "NO_ANSWER";
    private static final int MAX_ANSWER_CHARS = 8000;

    private final ChatClient chatClient;
    private final PromptTemplates templates;
    private final AnswerProperties properties;
    private final ExecutorService llmExecutor;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;

    GenerativeAnswerer(ChatClient chatClient, PromptTemplates templates, AnswerProperties properties,
                       ExecutorService llmExecutor, MeterRegistry meters) {
        this.chatClient = chatClient;
        this.templates = templates;
        this.properties = properties;
        this.llmExecutor = llmExecutor;
        this.meters = meters;
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.llmBreakerWindow())
                .minimumNumberOfCalls(properties.llmBreakerWindow())
                .failureRateThreshold(properties.llmBreakerFailureRate())
                .waitDurationInOpenState(properties.llmBreakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("LLM circuit breaker: {}", event.getStateTransition()));
        Gauge.builder("qa.llm.circuit.state", breaker, b -> b.getState().getOrder())
                .description("LLM circuit breaker: 0 closed, 1 open, 2 half-open").register(meters);
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /**
     * Asks the LLM, unless its circuit is open: after too many failures in a row the LLM is left alone
     * for {@code qa.answer.llm-breaker-open-for}, then probed with one question.
     */
    LlmOutcome answer(String question, List<RetrievedPassage> sources, Language language) {
        return answer(question, sources, language, null);
    }

    /**
     * As {@link #answer(String, List, Language)}, but asks the LLM to stream its answer and hands each
     * piece to {@code pieces} as it arrives (on the LLM client's thread); {@code null} asks for the
     * whole answer at once. {@code qa.answer.llm-timeout} bounds the whole answer either way.
     */
    LlmOutcome answer(String question, List<RetrievedPassage> sources, Language language, java.util.function.Consumer<String> pieces) {
        if (!breaker.tryAcquirePermission()) {
            return failed(Kind.CIRCUIT_OPEN, "the LLM circuit is open");
        }
        long started = System.nanoTime();
        LlmOutcome outcome = call(question, sources, language, pieces);
        long took = System.nanoTime() - started;
        if (!(outcome instanceof LlmOutcome.Failed failed)) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else if (failed.kind().isLlmFailure()) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(failed.reason()));
        } else {
            breaker.releasePermission();
        }
        return outcome;
    }

    private LlmOutcome call(String question, List<RetrievedPassage> sources, Language language,
                            java.util.function.Consumer<String> pieces) {
        String system = templates.render(PromptTemplates.SYSTEM,
                Map.of("language", language == Language.ENGLISH ? "English" : "Chinese (简体中文)"));
        String user = templates.render(PromptTemplates.USER,
                Map.of("question", asData(question), "sources", numbered(sources)));
        Future<String> call;
        try {
            call = llmExecutor.submit(() -> {
                ChatClient.ChatClientRequestSpec prompt = chatClient.prompt().messages(new SystemMessage(system), new UserMessage(user));
                return pieces == null ? prompt.call().content() : streamed(prompt, pieces);
            });
        } catch (RejectedExecutionException e) {
            return failed(Kind.BUSY, "too many LLM calls in flight");
        }
        try {
            LlmOutcome outcome = interpret(call.get(properties.llmTimeout().toMillis(), TimeUnit.MILLISECONDS), sources.size());
            if (outcome instanceof LlmOutcome.Failed failed) {
                return failed(failed.kind(), failed.reason());
            }
            return outcome;
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed(Kind.TIMEOUT, "timed out after " + properties.llmTimeout());
        } catch (ExecutionException e) {
            return failed(Kind.ERROR, e.getCause() == null ? "error" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return failed(Kind.INTERRUPTED, "interrupted");
        }
    }

    /** The whole answer, read piece by piece as the LLM writes it; each piece is handed on as it comes. */
    private static String streamed(ChatClient.ChatClientRequestSpec prompt, java.util.function.Consumer<String> pieces) {
        StringBuilder whole = new StringBuilder();
        prompt.stream().content().doOnNext(piece -> {
            whole.append(piece);
            pieces.accept(piece);
        }).blockLast();
        return whole.toString();
    }

    /** Keeps only citations of sources that exist; judges whether what is left is an answer. */
    static LlmOutcome interpret(String content, int sourceCount) {
        if (content == null || content.isBlank()) {
            return new LlmOutcome.Failed(Kind.UNUSABLE_OUTPUT, "empty output");
        }
        String text = content.strip();
        if (text.equals(NO_ANSWER) || text.startsWith(NO_ANSWER) && text.length() < NO_ANSWER.length() + 40) {
            return new LlmOutcome.Declined();
        }
        if (text.length() > MAX_ANSWER_CHARS) {
            return new LlmOutcome.Failed(Kind.UNUSABLE_OUTPUT, "output too long");
        }
        Matcher citation = CITATION.matcher(text);
        StringBuilder kept = new StringBuilder();
        int valid = 0;
        while (citation.find()) {
            int number = Integer.parseInt(citation.group(1));
            boolean exists = number >= 1 && number <= sourceCount;
            valid += exists ? 1 : 0;
            citation.appendReplacement(kept, exists ? Matcher.quoteReplacement(citation.group()) : "");
        }
        citation.appendTail(kept);
        if (valid == 0) {
            return new LlmOutcome.Failed(Kind.UNUSABLE_OUTPUT, "no citation of a given source");
        }
        return new LlmOutcome.Answered(kept.toString().replaceAll("[ \\t]+([，。,.!?！？])", "$1").strip());
    }

    private String numbered(List<RetrievedPassage> sources) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            var passage = sources.get(i).passage();
            String body = passage.text();
            if (body.length() > properties.llmContextChars()) {
                body = body.substring(0, properties.llmContextChars()) + " …";
            }
            String title = passage.section().isEmpty() ? passage.title() : passage.title() + " > " + passage.section();
            text.append("<source id=\"").append(i + 1).append("\" kind=\"").append(passage.kind().label())
                    .append("\" title=\"").append(asData(title).replace("\"", "'"))
                    .append("\" date=\"").append(passage.date() == null ? "" : passage.date()).append("\">\n")
                    .append(asData(ExtractiveAnswerer.clean(body))).append("\n</source>\n\n");
        }
        return text.toString().strip();
    }

    /** Neutralises tags inside data, so that no text can close its delimiter and pose as instructions. */
    static String asData(String text) {
        return text.replace("<", "‹").replace(">", "›");
    }

    private LlmOutcome failed(Kind kind, String reason) {
        meters.counter("qa.llm.errors", "kind", kind.tag()).increment();
        log.warn("LLM answer failed ({}): serving the extractive answer", reason);
        return new LlmOutcome.Failed(kind, reason);
    }
}
