package io.sofastack.qa.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * The quantised bge-small-zh-v1.5 model, which ships inside a Maven artifact and runs in process on
 * ONNX Runtime, seen by the application as a Spring AI {@link EmbeddingModel}. Its vectors are
 * CLS-pooled and normalised, so a dot product is their cosine.
 */
public final class BgeSmallZhEmbeddingModel implements EmbeddingModel {

    public static final String NAME = "bge-small-zh-v1.5-q";

    private final BgeSmallZhV15QuantizedEmbeddingModel model;

    public BgeSmallZhEmbeddingModel(Executor executor) {
        this.model = new BgeSmallZhV15QuantizedEmbeddingModel(executor);
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<TextSegment> segments = request.getInstructions().stream().map(TextSegment::from).toList();
        List<dev.langchain4j.data.embedding.Embedding> vectors = model.embedAll(segments).content();
        List<Embedding> embeddings = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            embeddings.add(new Embedding(vectors.get(i).vector(), i));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(Document document) {
        return embed(document.getText());
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public int dimensions() {
        return model.dimension();
    }
}
