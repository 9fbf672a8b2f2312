package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The distinct index terms of a text, exactly as the index sees them. */
final class Terms {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Analyzer analyzer = new ArchiveAnalyzer();

    Set<String> of(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory cannot fail", e);
        }
        return terms;
    }

    /**
     * The same terms as {@link #of}, as a set of their 64-bit hashes ({@link #hash}): what a passage
     * holds, for asking whether it holds a question's terms, in an eighth of the memory and without a
     * string per token. Two distinct terms share a hash with a probability of about 2<sup>-64</sup>.
     */
    HashedTerms hashed(String field, String text) {
        long[] hashes = new long[64];
        int count = 0;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = hash(term.buffer(), term.length());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory cannot fail", e);
        }
        Arrays.sort(hashes, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || hashes[i] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return new HashedTerms(Arrays.copyOf(hashes, distinct));
    }

    /** A term's 64-bit hash: FNV-1a over its UTF-16 code units, then MurmurHash3's finaliser to spread the bits. */
    static long hash(CharSequence term) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < term.length(); i++) {
            hash = (hash ^ term.charAt(i)) * FNV_PRIME;
        }
        return mix(hash);
    }

    private static long hash(char[] chars, int length) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        return mix(hash);
    }

    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    /** The hashes of a text's distinct terms, sorted. */
    record HashedTerms(long[] sorted) {

        boolean contains(long termHash) {
            return Arrays.binarySearch(sorted, termHash) >= 0;
        }

        /** Bytes on the heap, roughly, for a cache's budget. */
        long bytes() {
            return 16L + 8L * sorted.length;
        }
    }
}
