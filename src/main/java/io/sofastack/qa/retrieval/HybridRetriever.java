package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.index.PassageSearcher;
import io.sofastack.qa.index.PassageSearcher.Hit;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * Finds the passages that answer a question. For each kind of knowledge (Q&amp;A threads, docs
 * sections, article sections) BM25 and vector similarity rank it and the rankings are fused by rank;
 * a page's sections and translations collapse into one entry; the fitted answerability model then
 * estimates, for the first few entries of each kind, the probability that it answers the question.
 * A thread that answers is preferred (it is a real answer to a real question); otherwise the most
 * probable entry is answered from, and below the threshold the bot abstains.
 */
@Component
public class HybridRetriever {

    private final ArchiveIndexer indexer;
    private final EmbeddingModel embeddingModel;
    private final RetrievalProperties properties;
    private final LexicalQueries lexicalQueries;
    private final RankFusion fusion;
    private final Terms terms;
    private final BilingualLexicon lexicon;
    private final AnswerabilityFeatures features;
    private final AnswerabilityModel model;

    HybridRetriever(ArchiveIndexer indexer, EmbeddingModel embeddingModel, RetrievalProperties properties,
                    RetrievalParts parts) {
        this.indexer = indexer;
        this.embeddingModel = embeddingModel;
        this.properties = properties;
        this.lexicalQueries = new LexicalQueries(properties.headBoost());
        this.fusion = parts.fusion();
        this.terms = parts.terms();
        this.lexicon = parts.lexicon();
        this.features = parts.features();
        this.model = parts.model();
    }

    /** Whether there is an index to search (on a first start, not until the knowledge is indexed). */
    public boolean isReady() {
        return indexer.status().ready();
    }

    public Retrieval retrieve(String question, int limit) {
        return retrieve(question, limit, properties.minConfidence());
    }

    /** A retrieval that abstains under the given probability instead of {@code qa.retrieval.min-confidence}; for choosing it. */
    public Retrieval retrieve(String question, int limit, double minConfidence) {
        Ranking ranking = rank(question, limit, null);
        if (ranking == null || ranking.entries().isEmpty()) {
            return Retrieval.nothing();
        }
        // 5. Judge each kind's first entries; answer from the preferred kind that answers.
        List<AnswerChoice.Judged<Entry>> judged = new ArrayList<>();
        for (Entry entry : ranking.judged()) {
            judged.add(new AnswerChoice.Judged<>(entry, entry.passage().kind(), model.probability(entry.features())));
        }
        AnswerChoice.Judged<Entry> chosen = AnswerChoice.choose(judged, minConfidence);
        double confidence = chosen.probability();
        boolean answerable = confidence >= minConfidence;
        // 6. Order: the chosen entry, then every other by its expected worth: how probable it is that
        //    its kind answers (its best entry's probability) times how often an answer stands at its
        //    rank of that kind's list (fitted). Which kind answers is the least certain judgement, so
        //    the kinds share the list in proportion to it.
        Map<Passage.Kind, Double> kindProbability = new HashMap<>();
        judged.forEach(j -> kindProbability.merge(j.kind(), j.probability(), Math::max));
        Map<Entry, Double> worth = new HashMap<>();
        Map<Passage.Kind, Integer> rankInKind = new HashMap<>();
        for (Entry entry : ranking.entries()) {
            int rank = rankInKind.merge(entry.passage().kind(), 1, Integer::sum);
            worth.put(entry, kindProbability.getOrDefault(entry.passage().kind(), 0.0) * model.rankShare(rank));
        }
        List<Entry> ordered = new ArrayList<>();
        ordered.add(chosen.entry());
        ranking.entries().stream().filter(entry -> entry != chosen.entry())
                .sorted(Comparator.comparingDouble(worth::get).reversed()).forEach(ordered::add);
        List<RetrievedPassage> passages = new ArrayList<>();
        for (Entry entry : ordered.subList(0, Math.min(limit, ordered.size()))) {
            passages.add(entry.retrieved(entry == chosen.entry() ? confidence : Math.min(confidence, worth.get(entry))));
        }
        return new Retrieval(passages, confidence, answerable, chosen.entry().features());
    }

    /**
     * Steps 1 to 4 of a retrieval, without the model's judgement: what the fitting command learns
     * from. {@code exclude}, when given, hides matching passages from every ranking.
     */
    Ranking rank(String question, int limit, Query exclude) {
        String text = question.length() > properties.maxQueryChars()
                ? question.substring(0, properties.maxQueryChars()) : question;
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Punctuation, symbols and invisible characters: nothing to search for.
            return null;
        }
        Set<String> questionTerms = terms.of(PassageDocuments.BODY, text);
        boolean english = Scripts.isMostlyLatin(text);
        String expanded = lexicon.expand(text, questionTerms);
        float[] vector = embeddingModel.embed(expanded);
        return indexer.index().withSearcher(searcher ->
                rank(searcher, questionTerms, english, expanded, vector, limit, exclude));
    }

    private Ranking rank(PassageSearcher searcher, Set<String> questionTerms, boolean english, String expanded,
                         float[] vector, int limit, Query exclude) throws IOException {
        Query lexical = lexicalQueries.forText(expanded);
        AnswerabilityFeatures.Question question = features.question(searcher, questionTerms, english);
        List<Entry> entries = new ArrayList<>();
        List<Entry> judged = new ArrayList<>();
        for (Passage.Kind kind : Passage.Kind.values()) {
            Query filter = filter(kind, exclude);
            // 1. Rank this kind by BM25 over the analyzed text.
            List<Hit> lexicalHits = lexical == null ? List.of() : searcher.top(new BooleanQuery.Builder()
                    .add(lexical, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build(),
                    properties.lexicalCandidates());
            // 2. Rank it by similarity of embeddings.
            List<Hit> vectorHits = searcher.top(new KnnFloatVectorQuery(PassageDocuments.VECTOR, vector,
                    properties.vectorCandidates(), filter), properties.vectorCandidates());
            // 3. Fuse the two rankings by reciprocal rank, one entry per thread or page.
            List<Candidate> fused = fusion.fuse(lexicalHits, vectorHits);
            List<Map.Entry<Candidate, Passage>> collapsed = collapse(searcher, fused, english ? "en" : "zh", limit);
            // 4. The features of its first entries.
            AnswerabilityFeatures.Question asked = question.withHits(lexicalHits, vectorHits);
            for (int i = 0; i < collapsed.size(); i++) {
                Candidate candidate = collapsed.get(i).getKey();
                Passage passage = collapsed.get(i).getValue();
                Features found = i < properties.judgedPerKind() ? features.of(asked, candidate, passage, runnersUp(collapsed, i)) : null;
                Entry entry = new Entry(candidate, passage, found);
                entries.add(entry);
                if (found != null) {
                    judged.add(entry);
                }
            }
        }
        entries.sort(Comparator.comparingDouble((Entry entry) -> entry.candidate().score()).reversed());
        return new Ranking(entries, judged);
    }

    /** The passages of the few entries after the i-th one. */
    private List<Passage> runnersUp(List<Map.Entry<Candidate, Passage>> collapsed, int i) {
        return collapsed.subList(Math.min(collapsed.size(), i + 1), Math.min(collapsed.size(), i + 1 + properties.runnersUp()))
                .stream().map(Map.Entry::getValue).toList();
    }

    private static Query filter(Passage.Kind kind, Query exclude) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageDocuments.KIND, kind.label())), BooleanClause.Occur.FILTER)
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        if (exclude != null) {
            filter.add(exclude, BooleanClause.Occur.MUST_NOT);
        }
        return filter.build();
    }

    /**
     * One entry per Q&amp;A thread and per page: a page's best section stands for it, in the question's
     * language when that translation was found too, so a page and its translation are never two sources.
     */
    private static List<Map.Entry<Candidate, Passage>> collapse(PassageSearcher searcher, List<Candidate> fused,
                                                                String language, int wanted) throws IOException {
        List<Map.Entry<Candidate, Passage>> entries = new ArrayList<>();
        Map<String, Integer> positionByKey = new HashMap<>();
        for (Candidate candidate : fused) {
            Passage passage = searcher.passage(candidate.doc());
            String key = passage.kind() == Passage.Kind.QA ? "qa:" + passage.id() : "page:" + passage.pageKey();
            Integer position = positionByKey.get(key);
            if (position == null) {
                if (entries.size() == wanted) {
                    break;
                }
                positionByKey.put(key, entries.size());
                entries.add(Map.entry(candidate, passage));
            } else if (!entries.get(position).getValue().language().equals(language) && passage.language().equals(language)) {
                entries.set(position, Map.entry(entries.get(position).getKey(), passage));
            }
        }
        return entries;
    }

    /** A fused candidate with its passage, and its features when it was among the first of its kind. */
    record Entry(Candidate candidate, Passage passage, Features features) {
        RetrievedPassage retrieved(double score) {
            return new RetrievedPassage(passage, Math.round(score * 1000) / 1000.0, candidate.lexicalRank(),
                    candidate.vectorRank(), candidate.similarity());
        }
    }

    /** Every entry by fused score, and the judged ones (the first of each kind), with their features. */
    record Ranking(List<Entry> entries, List<Entry> judged) {
    }
}
