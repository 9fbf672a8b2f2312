package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.ingest.Passage;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A passage is analysed once while it stays among the recently compared, and again when its text changed. */
class PassageTermsCacheTest {

    private final Terms terms = new Terms();
    private final AtomicInteger analysed = new AtomicInteger();
    private final Function<String, Terms.HashedTerms> analyse = text -> {
        analysed.incrementAndGet();
        return terms.hashed(PassageDocuments.BODY, text);
    };

    private static Passage passage(String id) {
        return new Passage(id, Passage.Kind.DOC, "content/zh/projects/x/index.md", "zh", "x", "X", "https://example.org/x/",
                LocalDate.of(2024, 1, 1), "", "", "SOFARPC 超时", List.of(), List.of());
    }

    @Test
    void aPassageComparedAgainIsNotAnalysedAgainUnlessItsTextChanged() {
        PassageTermsCache cache = new PassageTermsCache(1 << 20);
        Terms.HashedTerms first = cache.of(passage("a"), "SOFARPC 怎么设置超时", analyse);
        assertThat(cache.of(passage("a"), "SOFARPC 怎么设置超时", analyse)).isSameAs(first);
        assertThat(analysed).hasValue(1);

        Terms.HashedTerms edited = cache.of(passage("a"), "SOFARPC 怎么设置重试", analyse);
        assertThat(analysed).hasValue(2);
        assertThat(edited.contains(Terms.hash("重试"))).isTrue();
        assertThat(edited.contains(Terms.hash("超时"))).isFalse();
        assertThat(cache.stats()).containsEntry("hits", 1L).containsEntry("misses", 2L).containsEntry("passages", 1L);
    }

    @Test
    void theLeastRecentlyComparedPassagesGoFirstAndTheBudgetIsNeverExceeded() {
        String text = "raft leader election snapshot";
        long oneEntry = terms.hashed(PassageDocuments.BODY, text).bytes();
        PassageTermsCache cache = new PassageTermsCache(3 * oneEntry);
        cache.of(passage("a"), text, analyse);
        cache.of(passage("b"), text, analyse);
        cache.of(passage("c"), text, analyse);
        cache.of(passage("a"), text, analyse);
        cache.of(passage("d"), text, analyse);
        assertThat(cache.stats()).containsEntry("passages", 3L).containsEntry("bytes", 3 * oneEntry);
        analysed.set(0);
        cache.of(passage("a"), text, analyse);
        cache.of(passage("c"), text, analyse);
        cache.of(passage("d"), text, analyse);
        assertThat(analysed).as("a, c and d stayed").hasValue(0);
        cache.of(passage("b"), text, analyse);
        assertThat(analysed).as("b was the least recently compared").hasValue(1);
    }

    @Test
    void aBudgetOfNothingCachesNothingAndStillAnswers() {
        PassageTermsCache cache = new PassageTermsCache(0);
        assertThat(cache.of(passage("a"), "MOSN 热升级", analyse).contains(Terms.hash("热升"))).isTrue();
        cache.of(passage("a"), "MOSN 热升级", analyse);
        assertThat(analysed).hasValue(2);
        assertThat(cache.stats()).containsEntry("passages", 0L);
    }
}
