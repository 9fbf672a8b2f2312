package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * One point-in-time view of the index: hits are cheap, and only the passages asked for are loaded.
 * A view serves one caller at a time (one question), so each term it looks up is looked up once.
 */
public final class PassageSearcher {

    private final IndexSearcher searcher;
    private final PassageDocuments documents;
    private final PerSegment<SegmentVectors> vectors;
    private final PerSegment<SegmentKeywords> pages;
    private final PerSegment<SegmentKeywords> kinds;
    private final Map<Term, TermStates> termStates = new HashMap<>();
    private final Map<String, TermsEnum[]> termsEnums = new HashMap<>();

    PassageSearcher(IndexSearcher searcher, PassageDocuments documents, PerSegment<SegmentVectors> vectors,
                    PerSegment<SegmentKeywords> pages, PerSegment<SegmentKeywords> kinds) {
        this.searcher = searcher;
        this.documents = documents;
        this.vectors = vectors;
        this.pages = pages;
        this.kinds = kinds;
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

    /**
     * The best {@code count} documents of each group, best first: exactly what one search per group
     * (the query filtered to documents whose {@code groupField} is that group) gives, in one pass.
     */
    public Map<String, List<Hit>> topPerGroup(Query query, String groupField, List<String> groups, int count)
            throws IOException {
        return new GroupedSearch(searcher, groupField, valuesOf(groupField), groups).top(query, count);
    }

    /**
     * The {@code count} documents of each group whose vectors are nearest to {@code vector} by the
     * field's similarity, found exactly by one pass over every vector of the index's vector field.
     *
     * @param exclude documents never returned, or {@code null}
     */
    public Map<String, List<Hit>> nearestPerGroup(float[] vector, String groupField, List<String> groups,
                                                  Query exclude, int count) throws IOException {
        return nearestPerGroup(vector, groupField, groups, exclude, count, null);
    }

    /** As {@link #nearestPerGroup(float[], String, List, Query, int)}, sharing the scan with {@code helper} when it is free. */
    public Map<String, List<Hit>> nearestPerGroup(float[] vector, String groupField, List<String> groups,
                                                  Query exclude, int count, Executor helper) throws IOException {
        return new GroupedSearch(searcher, groupField, valuesOf(groupField), groups).nearest(vectors, vector, exclude, count, helper);
    }

    /** The scores of the given passages (by {@link PassageDocuments#ID}) under the query; those it does not match are left out. */
    public Map<String, Double> scoresOf(Query query, List<String> passageIds) throws IOException {
        Map<String, Double> scores = new HashMap<>();
        if (passageIds.isEmpty()) {
            return scores;
        }
        BooleanQuery.Builder ids = new BooleanQuery.Builder();
        passageIds.forEach(id -> ids.add(new TermQuery(new Term(PassageDocuments.ID, id)), BooleanClause.Occur.SHOULD));
        Query filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(ids.build(), BooleanClause.Occur.FILTER).build();
        for (Hit hit : top(filtered, passageIds.size())) {
            scores.put(id(hit.doc()), (double) hit.score());
        }
        return scores;
    }

    /**
     * The similarity of {@code vector} to each hit's document ({@link #similarity}): for the documents
     * BM25 found, most of which are not among the nearest.
     */
    public float[] similarities(float[] vector, List<Hit> hits) throws IOException {
        float[] similarities = new float[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            similarities[i] = similarity(vector, hits.get(i).doc());
        }
        return similarities;
    }

    /**
     * The similarity of {@code vector} to the document's vector, scored as {@link #nearestPerGroup} scores
     * it (Lucene's {@code DOT_PRODUCT} score, (1 + cosine) / 2), or {@code NaN} when it has none.
     */
    public float similarity(float[] vector, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SegmentVectors segment = vectors.of(leaf.reader());
        int i = segment.indexOf(doc - leaf.docBase);
        return i < 0 ? Float.NaN : segment.similarity(vector, i);
    }

    /**
     * The same query, scoring the same, whose term queries share their term's lookup in the index
     * with every other query of this view that holds the term: questions become several queries over
     * the same terms (one per weighting), and finding a term costs more than scoring it.
     */
    public Query sharingTermLookups(Query query) throws IOException {
        if (query instanceof TermQuery term && term.getTermStates() == null) {
            return new TermQuery(term.getTerm(), states(term.getTerm()));
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(sharingTermLookups(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder shared = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                shared.add(sharingTermLookups(clause.getQuery()), clause.getOccur());
            }
            return shared.build();
        }
        return query;
    }

    /** What {@code TermStates.build} finds, with one terms enumeration per field and segment for all the terms. */
    private TermStates states(Term term) throws IOException {
        TermStates states = termStates.get(term);
        if (states == null) {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            TermsEnum[] perLeaf = termsEnums.computeIfAbsent(term.field(), field -> new TermsEnum[leaves.size()]);
            states = new TermStates(searcher.getTopReaderContext());
            for (LeafReaderContext leaf : leaves) {
                TermsEnum terms = perLeaf[leaf.ord];
                if (terms == null) {
                    Terms ofField = leaf.reader().terms(term.field());
                    terms = ofField == null ? TermsEnum.EMPTY : ofField.iterator();
                    perLeaf[leaf.ord] = terms;
                }
                if (terms.seekExact(term.bytes())) {
                    states.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
                }
            }
            termStates.put(term, states);
        }
        return states;
    }

    public Passage passage(int doc) throws IOException {
        return documents.fromDocument(searcher.storedFields().document(doc));
    }

    /** The passage's {@link Passage#pageKey()}, without loading it. */
    public String pageKey(int doc) throws IOException {
        return keyword(pages, doc);
    }

    /** The label of the kind the passage is ranked among ({@link PassageDocuments#KIND}), without loading it. */
    public String rankedKind(int doc) throws IOException {
        return keyword(kinds, doc);
    }

    /** The values of a keyword field this view holds for each segment: documents are grouped by kind. */
    private PerSegment<SegmentKeywords> valuesOf(String groupField) {
        if (!groupField.equals(PassageDocuments.KIND)) {
            throw new IllegalArgumentException("documents are grouped by " + PassageDocuments.KIND + ", not by " + groupField);
        }
        return kinds;
    }

    private String keyword(PerSegment<SegmentKeywords> field, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return field.of(leaf.reader()).value(doc - leaf.docBase);
    }

    /** The id of a passage, without loading the rest of it. */
    public String id(int doc) throws IOException {
        return searcher.storedFields().document(doc, java.util.Set.of(PassageDocuments.ID)).get(PassageDocuments.ID);
    }

    /** In how many passages the analyzed term occurs, in the given field. */
    public int documentFrequency(String field, String term) throws IOException {
        return states(new Term(field, term)).docFreq();
    }

    public int size() {
        return searcher.getIndexReader().numDocs();
    }

    /** A document found by a query; {@code doc} is valid only within this view. */
    public record Hit(int doc, float score) {
    }
}
