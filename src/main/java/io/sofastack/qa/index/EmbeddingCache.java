package io.sofastack.qa.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passage embeddings in the shared database, by the hash of the embedding model and the text it
 * embedded: a new replica, or an index rebuilt after it was found unusable, takes them from here
 * instead of embedding everything again ({@code qa.index.embedding-cache}). The cache only ever
 * saves work: when the database cannot be reached the passages are simply embedded.
 */
final class EmbeddingCache {

    private static final int LOOKUP_BATCH = 200;

    private final JdbcClient jdbc;
    private final String model;

    /** @param model what identifies the embedding model: a change of model changes every key */
    EmbeddingCache(JdbcClient jdbc, String model) {
        this.jdbc = jdbc;
        this.model = model;
    }

    String key(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The cached vectors of these keys; those not cached are absent. */
    Map<String, float[]> find(List<String> keys) throws DataAccessException {
        Map<String, float[]> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += LOOKUP_BATCH) {
            jdbc.sql("select cache_key, vector from embedding_cache where cache_key in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + LOOKUP_BATCH)))
                    .query((row, number) -> Map.entry(row.getString(1), decode(row.getString(2))))
                    .list().forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

    void save(Map<String, float[]> vectors) throws DataAccessException {
        for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
            try {
                jdbc.sql("insert into embedding_cache (cache_key, vector) values (?, ?)")
                        .params(entry.getKey(), encode(entry.getValue())).update();
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                // the same text by the same model: the same vector
            }
        }
    }

    private static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static float[] decode(String text) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(vector);
        return vector;
    }
}
