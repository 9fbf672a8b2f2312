package io.sofastack.qa.conversation;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.preretrieval.query.transformation.CompressionQueryTransformer;

/**
 * With an LLM, rewrites a follow-up and the question it follows into one question that stands alone
 * (Spring AI's {@link CompressionQueryTransformer}). Empty on any failure, or past
 * {@code qa.conversation.rewrite-timeout}: the merge rule reads the follow-up then.
 */
class FollowUpRewriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FollowUpRewriter.class);

    private final CompressionQueryTransformer transformer;
    private final ExecutorService executor;
    private final ConversationProperties properties;

    FollowUpRewriter(CompressionQueryTransformer transformer, ConversationProperties properties) {
        this.transformer = transformer;
        this.properties = properties;
        // A few rewrites at a time; past them a follow-up is read by the merge rule at once.
        this.executor = new java.util.concurrent.ThreadPoolExecutor(1, 4, 60, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
                new org.springframework.scheduling.concurrent.CustomizableThreadFactory("follow-up-"));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    Optional<String> rewrite(String previousQuestion, String followUp) {
        CompletableFuture<String> rewrite;
        try {
            rewrite = CompletableFuture.supplyAsync(() -> transformer.transform(
                    Query.builder().text(followUp).history(List.of(new UserMessage(previousQuestion))).build()).text(), executor);
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
        try {
            String text = rewrite.get(properties.rewriteTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return text == null || text.isBlank() ? Optional.empty()
                    : Optional.of(text.strip().length() > properties.maxQueryChars() ? text.strip().substring(0, properties.maxQueryChars()) : text.strip());
        } catch (TimeoutException e) {
            rewrite.cancel(true);
            log.warn("Rewriting a follow-up with the LLM took over {}: the merge rule reads it", properties.rewriteTimeout());
        } catch (ExecutionException e) {
            log.warn("Rewriting a follow-up with the LLM failed ({}): the merge rule reads it", e.getCause() == null ? e : e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
