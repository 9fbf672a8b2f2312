package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** One point-in-time view of the index: hits are cheap, and only the passages asked for are loaded. */
public final class PassageSearcher {

    private final IndexSearcher searcher;
    private final PassageDocuments documents;

    PassageSearcher(IndexSearcher searcher, PassageDocuments documents) {
        this.searcher = searcher;
        this.documents = documents;
    }

    /** The best {@code count} documents for the query, best first. */
    public List<Hit> top(Query query, int count) throws IOException {
        ScoreDoc[] found = searcher.search(query, Math.max(1, count)).scoreDocs;
        List<Hit> hits = new ArrayList<>(found.length);
        for (ScoreDoc hit : found) {
            hits.add(new Hit(hit.doc, hit.score));
        }
        return hits;
    }

    public Passage passage(int doc) throws IOException {
        return documents.fromDocument(searcher.storedFields().document(doc));
    }

    /** The id of a passage, without loading the rest of it. */
    public String id(int doc) throws IOException {
        return searcher.storedFields().document(doc, java.util.Set.of(PassageDocuments.ID)).get(PassageDocuments.ID);
    }

    /** In how many passages the analyzed term occurs, in the given field. */
    public int documentFrequency(String field, String term) throws IOException {
        return searcher.getIndexReader().docFreq(new Term(field, term));
    }

    public int size() {
        return searcher.getIndexReader().numDocs();
    }

    /** A document found by a query; {@code doc} is valid only within this view. */
    public record Hit(int doc, float score) {
    }
}
