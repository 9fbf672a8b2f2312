package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.PassageSearcher.Hit;
import io.sofastack.qa.ingest.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.springframework.stereotype.Component;

/**
 * The baseline the retriever must beat (issue 7): one BM25 ranking over all the knowledge, every kind
 * alike, over a passage's text (a section's text holds its title and headings) with its head weighted
 * as asked, no vectors, no lexicon, one entry per thread or page. It always answers; only its ranking
 * is measured ({@code qa.eval.baseline=bm25}, {@code qa.eval.baseline-head-boost}).
 */
@Component
public class PlainBm25 {

    private static final int CANDIDATES = 200;

    private final ArchiveIndexer indexer;
    private final LexicalQueries lexicalQueries = new LexicalQueries();

    PlainBm25(ArchiveIndexer indexer) {
        this.indexer = indexer;
    }

    /** @param headBoost the weight of a match in a thread's question or a section's headings (0: the text only) */
    public Retrieval retrieve(String question, int limit, float headBoost) {
        Query query = lexicalQueries.forText(question, headBoost);
        if (query == null) {
            return Retrieval.nothing();
        }
        return indexer.index().withSearcher(searcher -> {
            List<Hit> hits = searcher.top(query, CANDIDATES);
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                candidates.add(new Candidate(hits.get(i).doc(), hits.get(i).score(), i + 1, hits.get(i).score(), 0, 0));
            }
            List<RetrievedPassage> passages = new ArrayList<>();
            for (Map.Entry<Candidate, Passage> entry : OnePerPage.entries(searcher, candidates,
                    Scripts.isMostlyLatin(question) ? "en" : "zh", limit)) {
                passages.add(new RetrievedPassage(entry.getValue(), entry.getKey().score(), entry.getKey().lexicalRank(), 0, 0));
            }
            return new Retrieval(passages, 1, true, null);
        });
    }
}
