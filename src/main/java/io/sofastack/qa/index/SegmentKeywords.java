package io.sofastack.qa.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The value of a keyword field (one exact term per document) for each document of one segment,
 * read off the inverted index once: what tells which page a hit belongs to without loading the
 * stored passage.
 */
record SegmentKeywords(int[] ordinalOf, String[] values) {

    private static final int NONE = -1;

    /** Each segment's values of {@code field}, read the first time the segment is seen. */
    static PerSegment<SegmentKeywords> of(String field) {
        return new PerSegment<>(segment -> read(segment, field));
    }

    /** The document's value, or {@code null} when it has none. */
    String value(int doc) {
        int ordinal = ordinalOf[doc];
        return ordinal == NONE ? null : values[ordinal];
    }

    private static SegmentKeywords read(LeafReader segment, String field) throws IOException {
        int[] ordinalOf = new int[segment.maxDoc()];
        java.util.Arrays.fill(ordinalOf, NONE);
        List<String> values = new ArrayList<>();
        Terms terms = segment.terms(field);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                postings = each.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    ordinalOf[doc] = values.size();
                }
                values.add(term.utf8ToString());
            }
        }
        return new SegmentKeywords(ordinalOf, values.toArray(String[]::new));
    }
}
