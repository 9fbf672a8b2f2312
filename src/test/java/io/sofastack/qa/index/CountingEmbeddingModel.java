package io.sofastack.qa.index;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** The real embedding model, counting the texts it embeds. */
final class CountingEmbeddingModel implements EmbeddingModel {

    private static final EmbeddingModel SHARED = new BgeSmallZhEmbeddingModel(Executors.newFixedThreadPool(2), 2);

    final AtomicInteger embedded = new AtomicInteger();

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        embedded.addAndGet(request.getInstructions().size());
        return SHARED.call(request);
    }

    @Override
    public float[] embed(Document document) {
        embedded.incrementAndGet();
        return SHARED.embed(document);
    }

    @Override
    public float[] embed(String text) {
        embedded.incrementAndGet();
        return SHARED.embed(text);
    }

    @Override
    public int dimensions() {
        return SHARED.dimensions();
    }
}
