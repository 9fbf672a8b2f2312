package io.sofastack.qa.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The vectors of one segment, in document order, and the documents they belong to, copied onto the
 * heap. Every question compares itself with every vector: read through the index file, each one is
 * first copied out of the mapped file, and that copy cost more than the comparison (the whole site,
 * 8,471 vectors: 3.0 ms a question against 1.8 ms from the heap, for 17 MiB of heap). The
 * similarities are those of the field's own function, so nothing ranks differently.
 */
record SegmentVectors(int[] docs, float[][] values, VectorSimilarityFunction similarity) {

    private static final SegmentVectors NONE = new SegmentVectors(new int[0], new float[0][], VectorSimilarityFunction.DOT_PRODUCT);

    /** Each segment's vectors of {@code field}, copied the first time the segment is seen. */
    static PerSegment<SegmentVectors> of(String field) {
        return new PerSegment<>(segment -> read(segment, field));
    }

    private static SegmentVectors read(LeafReader segment, String field) throws IOException {
        FieldInfo info = segment.getFieldInfos().fieldInfo(field);
        if (info == null || !info.hasVectorValues()) {
            return NONE;
        }
        FloatVectorValues values = segment.getFloatVectorValues(field);
        int[] docs = new int[values.size()];
        float[][] copied = new float[values.size()][];
        int count = 0;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            docs[count] = doc;
            copied[count++] = values.vectorValue().clone();
        }
        return new SegmentVectors(Arrays.copyOf(docs, count), Arrays.copyOf(copied, count), info.getVectorSimilarityFunction());
    }
}
