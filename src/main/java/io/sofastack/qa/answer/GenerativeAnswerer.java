package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.RetrievedThread;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String NO_ANSWER = "NO_ANSWER";
    private static final int MAX_ANSWER_CHARS = 8000;

    private final ChatClient chatClient;
    private final PromptTemplates templates;
    private final AnswerProperties properties;
    private final ExecutorService llmExecutor;

    GenerativeAnswerer(ChatClient chatClient, PromptTemplates templates, AnswerProperties properties,
                       ExecutorService llmExecutor) {
        this.chatClient = chatClient;
        this.templates = templates;
        this.properties = properties;
        this.llmExecutor = llmExecutor;
    }

    LlmOutcome answer(String question, List<RetrievedThread> sources, Language language) {
        String system = templates.render(PromptTemplates.SYSTEM,
                Map.of("language", language == Language.ENGLISH ? "English" : "Chinese (简体中文)"));
        String user = templates.render(PromptTemplates.USER,
                Map.of("question", asData(question), "sources", numbered(sources)));
        Future<String> call;
        try {
            call = llmExecutor.submit(() -> chatClient.prompt()
                    .messages(new SystemMessage(system), new UserMessage(user))
                    .call()
                    .content());
        } catch (RejectedExecutionException e) {
            return failed("too many LLM calls in flight");
        }
        try {
            return interpret(call.get(properties.llmTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
                    sources.size());
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed("timed out after " + properties.llmTimeout());
        } catch (ExecutionException e) {
            return failed(e.getCause() == null ? "error" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return failed("interrupted");
        }
    }

    /** Keeps only citations of sources that exist; judges whether what is left is an answer. */
    static LlmOutcome interpret(String content, int sourceCount) {
        if (content == null || content.isBlank()) {
            return new LlmOutcome.Failed("empty output");
        }
        String text = content.strip();
        if (text.equals(NO_ANSWER) || text.startsWith(NO_ANSWER) && text.length() < NO_ANSWER.length() + 40) {
            return new LlmOutcome.Declined();
        }
        if (text.length() > MAX_ANSWER_CHARS) {
            return new LlmOutcome.Failed("output too long");
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
            return new LlmOutcome.Failed("no citation of a given source");
        }
        return new LlmOutcome.Answered(kept.toString().replaceAll("[ \\t]+([，。,.!?！？])", "$1").strip());
    }

    private String numbered(List<RetrievedThread> sources) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            var thread = sources.get(i).thread();
            String body = thread.threadText();
            if (body.length() > properties.llmContextChars()) {
                body = body.substring(0, properties.llmContextChars()) + " …";
            }
            text.append("<source id=\"").append(i + 1).append("\" title=\"").append(asData(thread.title()).replace("\"", "'"))
                    .append("\" date=\"").append(thread.date() == null ? "" : thread.date()).append("\">\n")
                    .append(asData(ExtractiveAnswerer.clean(body))).append("\n</source>\n\n");
        }
        return text.toString().strip();
    }

    /** Neutralises tags inside data, so that no text can close its delimiter and pose as instructions. */
    static String asData(String text) {
        return text.replace("<", "‹").replace(">", "›");
    }

    private static LlmOutcome failed(String reason) {
        log.warn("LLM answer failed ({}): serving the extractive answer", reason);
        return new LlmOutcome.Failed(reason);
    }
}
