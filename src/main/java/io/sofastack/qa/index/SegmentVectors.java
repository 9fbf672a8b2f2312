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
 * similarities are those of the field's own function, so nothing ranks differently; the dot product
 * under it is {@code product}'s ({@link DotProduct}).
 */
record SegmentVectors(int[] docs, float[][] values, VectorSimilarityFunction similarity, DotProduct product) {

    /** The similarity of {@code query} to the {@code i}-th vector, as the field's function scores it. */
    float similarity(float[] query, int i) {
        if (similarity == VectorSimilarityFunction.DOT_PRODUCT) {
            // Lucene's DOT_PRODUCT score of the product, for unit vectors in [0, 1].
            return Math.max((1 + product.of(query, values[i])) / 2, 0);
        }
        return similarity.compare(query, values[i]);
    }

    /** The position of the segment's document {@code doc} among the vectors, or -1 when it has none. */
    int indexOf(int doc) {
        int i = Arrays.binarySearch(docs, doc);
        return i < 0 ? -1 : i;
    }

    /** Each segment's vectors of {@code field}, copied the first time the segment is seen. */
    static PerSegment<SegmentVectors> of(String field, DotProduct product) {
        return new PerSegment<>(segment -> read(segment, field, product));
    }

    private static SegmentVectors read(LeafReader segment, String field, DotProduct product) throws IOException {
        FieldInfo info = segment.getFieldInfos().fieldInfo(field);
        if (info == null || !info.hasVectorValues()) {
            return new SegmentVectors(new int[0], new float[0][], VectorSimilarityFunction.DOT_PRODUCT, product);
        }
        FloatVectorValues values = segment.getFloatVectorValues(field);
        int[] docs = new int[values.size()];
        float[][] copied = new float[values.size()][];
        int count = 0;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            docs[count] = doc;
            copied[count++] = values.vectorValue().clone();
        }
        return new SegmentVectors(Arrays.copyOf(docs, count), Arrays.copyOf(copied, count), info.getVectorSimilarityFunction(), product);
    }
}
