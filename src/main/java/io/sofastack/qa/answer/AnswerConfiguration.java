package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.HybridRetriever;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Wires answering: generative when Spring AI provides a chat model, extractive otherwise. */
@Configuration(proxyBeanMethods = false)
class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    /** LLM calls run here, so that a slow LLM is abandoned at the timeout; full means "answer extractively". */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService llmExecutor(AnswerProperties properties) {
        return new ThreadPoolExecutor(properties.llmConcurrency(), properties.llmConcurrency(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new CustomizableThreadFactory("llm-"), new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    AnswerService answerService(HybridRetriever retriever, AnswerProperties properties,
                                ObjectProvider<ChatModel> chatModel,
                                @Qualifier("llmExecutor") ExecutorService llmExecutor, MeterRegistry meters, java.time.Clock clock) {
        ChatModel model = chatModel.getIfAvailable();
        if (model == null) {
            log.info("No LLM configured: answers are extractive");
            return new AnswerService(retriever, properties, null, clock);
        }
        PromptTemplates templates = PromptTemplates.load(Path.of(properties.promptsDir()));
        log.info("LLM configured ({}): answers are generative, extractive on failure", model.getClass().getSimpleName());
        return new AnswerService(retriever, properties,
                new GenerativeAnswerer(ChatClient.create(model), templates, properties, llmExecutor, meters), clock);
    }
}
