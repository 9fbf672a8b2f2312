package io.sofastack.qa.index;

import io.sofastack.qa.ingest.QaThread;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

/** How a thread becomes a Lucene document, and back. */
public final class ThreadDocuments {

    /** Stable id: the key of {@code updateDocument}, so re-indexing a thread replaces it. */
    public static final String ID = "id";
    /** Content hash: a thread whose hash is unchanged is neither re-embedded nor re-written. */
    public static final String HASH = "hash";
    /** The first question, analyzed: matches here weigh more than matches in the rest of the thread. */
    public static final String QUESTION = "question";
    /** Title, questions and answers, analyzed. */
    public static final String THREAD = "thread";
    /** Products the thread is about, as exact terms. */
    public static final String PRODUCT = "product";
    /** The embedding of the question and the start of the answer; normalised, so dot product is cosine. */
    public static final String VECTOR = "vector";
    /** The whole thread, stored once as JSON, to answer from without another look-up. */
    private static final String SOURCE = "source";

    /** Changing what is indexed or embedded changes this, which re-indexes every thread once. */
    static final String SCHEMA = "qa-threads-v3/" + BgeSmallZhEmbeddingModel.NAME;

    private static final int EMBEDDED_QUESTION_CHARS = 300;
    private static final int EMBEDDED_ANSWER_CHARS = 400;

    private final JsonMapper jsonMapper;

    public ThreadDocuments(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** What the embedding model sees of a thread. */
    static String embeddingText(QaThread thread) {
        return head(thread.question(), EMBEDDED_QUESTION_CHARS) + "\n" + head(thread.answerText(), EMBEDDED_ANSWER_CHARS);
    }

    String hash(QaThread thread) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SCHEMA.getBytes(StandardCharsets.UTF_8));
            digest.update(jsonMapper.writeValueAsBytes(thread));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    Document toDocument(QaThread thread, String hash, float[] vector) {
        Document document = new Document();
        document.add(new StringField(ID, thread.id(), Field.Store.YES));
        document.add(new StringField(HASH, hash, Field.Store.YES));
        document.add(new TextField(QUESTION, thread.question(), Field.Store.NO));
        document.add(new TextField(THREAD, thread.title() + "\n" + thread.threadText(), Field.Store.NO));
        thread.products().forEach(product -> document.add(new StringField(PRODUCT, product, Field.Store.NO)));
        document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new StoredField(SOURCE, jsonMapper.writeValueAsBytes(thread)));
        return document;
    }

    QaThread fromDocument(Document document) {
        BytesRef source = document.getBinaryValue(SOURCE);
        return jsonMapper.readValue(source.bytes, source.offset, source.length, QaThread.class);
    }

    private static String head(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars);
    }
}
