package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Passage;
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

/** How a passage becomes a Lucene document, and back. */
public final class PassageDocuments {

    /** Stable id: the key of {@code updateDocument}, so re-indexing a passage replaces it. */
    public static final String ID = "id";
    /** Content hash: a passage whose hash is unchanged is neither re-embedded nor re-written. */
    public static final String HASH = "hash";
    /** {@code qa}, {@code doc} or {@code article} (the kind a passage is ranked among), as an exact term. */
    public static final String KIND = "kind";
    /** The page independent of its language, as an exact term: a page and its translation share it. */
    public static final String PAGE = "page";
    /**
     * What the passage is about in a few words, analyzed: a thread's first question, a section's page
     * title and heading path. Matches here weigh more than matches in the body.
     */
    public static final String HEAD = "head";
    /** Title, heading and the whole text, analyzed. */
    public static final String BODY = "body";
    /** Products the passage is about, as exact terms. */
    public static final String PRODUCT = "product";
    /** The embedding of the head and the start of the text; normalised, so dot product is cosine. */
    public static final String VECTOR = "vector";
    /** The whole passage, stored once as JSON, to answer from without another look-up. */
    private static final String SOURCE = "source";

    /** Changing what is indexed or embedded changes this, which re-indexes every passage once. */
    static final String SCHEMA = "qa-passages-v1/" + BgeSmallZhEmbeddingModel.NAME;

    private static final int EMBEDDED_HEAD_CHARS = 200;
    private static final int EMBEDDED_QA_ANSWER_CHARS = 300;
    private static final int EMBEDDED_SECTION_CHARS = 260;

    private final JsonMapper jsonMapper;

    public PassageDocuments(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * What the embedding model sees of a passage: its head and the start of its text. Sections carry
     * their page title and heading path, which is what a question about them usually names.
     */
    static String embeddingText(Passage passage) {
        int body = passage.kind().thread() ? EMBEDDED_QA_ANSWER_CHARS : EMBEDDED_SECTION_CHARS;
        return head(head(passage), EMBEDDED_HEAD_CHARS) + "\n" + head(passage.answerText(), body);
    }

    /** The analyzed head of a passage; see {@link #HEAD}. */
    public static String head(Passage passage) {
        return passage.kind().thread() ? passage.question()
                : passage.section().isEmpty() ? passage.title() : passage.title() + " " + passage.section();
    }

    String hash(Passage passage) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(SCHEMA.getBytes(StandardCharsets.UTF_8));
            digest.update(jsonMapper.writeValueAsBytes(passage));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    Document toDocument(Passage passage, String hash, float[] vector) {
        Document document = new Document();
        document.add(new StringField(ID, passage.id(), Field.Store.YES));
        document.add(new StringField(HASH, hash, Field.Store.YES));
        // Indexed as the kind it is ranked among: a community answer is searched with the threads.
        document.add(new StringField(KIND, passage.kind().rankedAs().label(), Field.Store.NO));
        document.add(new StringField(PAGE, passage.pageKey(), Field.Store.NO));
        document.add(new TextField(HEAD, head(passage), Field.Store.NO));
        document.add(new TextField(BODY, passage.title() + "\n" + passage.section() + "\n" + passage.text(), Field.Store.NO));
        passage.products().forEach(product -> document.add(new StringField(PRODUCT, product, Field.Store.NO)));
        document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new StoredField(SOURCE, jsonMapper.writeValueAsBytes(passage)));
        return document;
    }

    Passage fromDocument(Document document) {
        BytesRef source = document.getBinaryValue(SOURCE);
        return jsonMapper.readValue(source.bytes, source.offset, source.length, Passage.class);
    }

    private static String head(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars);
    }
}
