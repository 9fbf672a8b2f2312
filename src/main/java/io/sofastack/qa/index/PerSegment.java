package io.sofastack.qa.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Something computed once from each segment of the index (a segment never changes) and dropped when
 * Lucene closes the segment, so a question reads it instead of the index files.
 *
 * @param <T> what is computed
 */
final class PerSegment<T> {

    /** Computes the value of one segment. */
    @FunctionalInterface
    interface Loader<T> {
        T load(LeafReader segment) throws IOException;
    }

    private final Loader<T> loader;
    private final Map<Object, T> bySegment = new ConcurrentHashMap<>();

    PerSegment(Loader<T> loader) {
        this.loader = loader;
    }

    /** The segment's value, computed now when this is the first time it is asked for. */
    T of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null) {
            return loader.load(segment);
        }
        T value = bySegment.get(core.getKey());
        if (value == null) {
            value = loader.load(segment);
            // Two questions may meet a new segment at once; the first value kept is the one served.
            T earlier = bySegment.putIfAbsent(core.getKey(), value);
            if (earlier == null) {
                core.addClosedListener(bySegment::remove);
            } else {
                value = earlier;
            }
        }
        return value;
    }

    /** Segments whose value is held. */
    int segments() {
        return bySegment.size();
    }
}
