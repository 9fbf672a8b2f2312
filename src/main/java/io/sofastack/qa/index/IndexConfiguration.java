package io.sofastack.qa.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "shutdown")
    ExecutorService embeddingExecutor(IndexProperties properties) {
        return Executors.newFixedThreadPool(properties.embeddingThreads(), new CustomizableThreadFactory("embedding-"));
    }

    @Bean
    EmbeddingModel embeddingModel(@Qualifier("embeddingExecutor") ExecutorService embeddingExecutor,
                                  IndexProperties properties) {
        return new BgeSmallZhEmbeddingModel(embeddingExecutor, properties.onnxThreads());
    }
}
