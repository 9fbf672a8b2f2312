package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.Passage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The terms of the passages questions were last compared with ({@link Terms.HashedTerms}), the least
 * recently used dropped first, within a budget of heap. Each question compares itself with about
 * eighteen passages (the first entries of each kind and their runners-up), analysing up to 4,000
 * characters of each: a millisecond of a question's CPU, while the passages that rank near the top
 * recur from one question to the next.
 *
 * <p>A passage is known by its id and a hash of its text, so an edited passage is analysed again.
 */
final class PassageTermsCache {

    private record Cached(long textHash, Terms.HashedTerms terms) {
    }

    private final long budgetBytes;
    private final LinkedHashMap<String, Cached> byPassage = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** @param budgetBytes heap the cached terms may take; 0 caches nothing */
    PassageTermsCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** The passage's terms, from the cache or from {@code analyse} (whose result is then cached). */
    Terms.HashedTerms of(Passage passage, String analysed, Function<String, Terms.HashedTerms> analyse) {
        long textHash = Terms.hash(analysed);
        synchronized (this) {
            Cached cached = byPassage.get(passage.id());
            if (cached != null && cached.textHash() == textHash) {
                hits++;
                return cached.terms();
            }
            misses++;
        }
        Terms.HashedTerms terms = analyse.apply(analysed);
        if (terms.bytes() <= budgetBytes) {
            synchronized (this) {
                Cached replaced = byPassage.put(passage.id(), new Cached(textHash, terms));
                bytes += terms.bytes() - (replaced == null ? 0 : replaced.terms().bytes());
                var oldest = byPassage.entrySet().iterator();
                while (bytes > budgetBytes && oldest.hasNext()) {
                    bytes -= oldest.next().getValue().terms().bytes();
                    oldest.remove();
                }
            }
        }
        return terms;
    }

    /** Passages cached, their bytes, hits and misses so far. */
    synchronized Map<String, Long> stats() {
        return Map.of("passages", (long) byPassage.size(), "bytes", bytes, "hits", hits, "misses", misses);
    }
}
