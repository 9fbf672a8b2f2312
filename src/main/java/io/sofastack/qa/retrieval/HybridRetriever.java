package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.ThreadDocuments;
import io.sofastack.qa.index.ThreadSearcher;
import io.sofastack.qa.index.ThreadSearcher.Hit;
import io.sofastack.qa.ingest.QaThread;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * Finds the threads that answer a question: BM25 and vector similarity each rank the archive, the
 * rankings are fused by rank (their raw scores are on different scales and are never added), and a
 * confidence says whether the best thread answers the question at all.
 */
@Component
public class HybridRetriever {

    private final ArchiveIndexer indexer;
    private final EmbeddingModel embeddingModel;
    private final RetrievalProperties properties;
    private final LexicalQueries lexicalQueries;
    private final ConfidenceEstimator confidence;
    private final Glossary glossary;

    public HybridRetriever(ArchiveIndexer indexer, EmbeddingModel embeddingModel, RetrievalProperties properties) {
        this.indexer = indexer;
        this.embeddingModel = embeddingModel;
        this.properties = properties;
        this.lexicalQueries = new LexicalQueries(properties.questionBoost());
        this.glossary = Glossary.load(HybridRetriever.class.getResourceAsStream("/glossary/en-zh.tsv"));
        Terms terms = new Terms();
        this.confidence = new ConfidenceEstimator(terms, new UnknownNames(terms, glossary));
    }

    /** Whether there is an index to search (on a first start, not until the archive is indexed). */
    public boolean isReady() {
        return indexer.status().ready();
    }

    public Retrieval retrieve(String question, int limit) {
        String text = question.length() > properties.maxQueryChars()
                ? question.substring(0, properties.maxQueryChars()) : question;
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Punctuation, symbols and invisible characters: nothing to search for.
            return new Retrieval(List.of(), 0, false, null);
        }
        String expanded = glossary.expand(text);
        float[] vector = embeddingModel.embed(expanded);
        return indexer.index().withSearcher(searcher -> retrieve(searcher, expanded, text, vector, limit));
    }

    private Retrieval retrieve(ThreadSearcher searcher, String text, String original, float[] vector, int limit) throws IOException {
        // 1. Rank by BM25 over the analyzed text.
        Query lexical = lexicalQueries.forText(text);
        List<Hit> lexicalHits = lexical == null ? List.of() : searcher.top(lexical, properties.lexicalCandidates());
        // 2. Rank by similarity of embeddings.
        List<Hit> vectorHits = searcher.top(
                new KnnFloatVectorQuery(ThreadDocuments.VECTOR, vector, properties.vectorCandidates()),
                properties.vectorCandidates());
        // 3. Fuse the two rankings by reciprocal rank.
        List<Candidate> fused = fuse(lexicalHits, vectorHits);
        if (fused.isEmpty()) {
            return new Retrieval(List.of(), 0, false, null);
        }
        // 4. Judge the best thread, then scale every score by that judgement.
        RetrievedThread first = fused.get(0).retrieved(searcher.thread(fused.get(0).doc), 1);
        Signals signals = confidence.signals(searcher, original, first, lexicalHits, vectorHits);
        double best = confidence.estimate(signals);
        double scale = best / fused.get(0).score;
        List<RetrievedThread> scaled = new ArrayList<>();
        scaled.add(first.withScore(best));
        for (Candidate candidate : fused.subList(1, Math.min(limit, fused.size()))) {
            scaled.add(candidate.retrieved(searcher.thread(candidate.doc), scale));
        }
        return new Retrieval(scaled, best, best >= properties.minConfidence(), signals);
    }

    private List<Candidate> fuse(List<Hit> lexicalHits, List<Hit> vectorHits) {
        Map<Integer, Candidate> byDoc = new LinkedHashMap<>();
        int k = properties.rankConstant();
        for (int i = 0; i < lexicalHits.size(); i++) {
            Candidate candidate = byDoc.computeIfAbsent(lexicalHits.get(i).doc(), Candidate::new);
            candidate.lexicalRank = i + 1;
            candidate.score += properties.lexicalWeight() / (k + i + 1);
        }
        double weakestSimilarity = 0;
        for (int i = 0; i < vectorHits.size(); i++) {
            Candidate candidate = byDoc.computeIfAbsent(vectorHits.get(i).doc(), Candidate::new);
            candidate.vectorRank = i + 1;
            // Lucene scores DOT_PRODUCT as (1 + cosine) / 2.
            candidate.similarity = 2 * vectorHits.get(i).score() - 1;
            weakestSimilarity = candidate.similarity;
            candidate.score += properties.vectorWeight() / (k + i + 1);
        }
        for (Candidate candidate : byDoc.values()) {
            if (candidate.vectorRank == 0) {
                // Not among the neighbours: at most as similar as the last of them.
                candidate.similarity = weakestSimilarity;
            }
        }
        List<Candidate> ranked = new ArrayList<>(byDoc.values());
        ranked.sort(Comparator.comparingDouble((Candidate candidate) -> candidate.score).reversed());
        return ranked;
    }

    /** A document during fusion. */
    private static final class Candidate {
        final int doc;
        double score;
        int lexicalRank;
        int vectorRank;
        double similarity;

        Candidate(int doc) {
            this.doc = doc;
        }

        RetrievedThread retrieved(QaThread thread, double scale) {
            return new RetrievedThread(thread, score * scale, lexicalRank, vectorRank, similarity);
        }
    }
}
