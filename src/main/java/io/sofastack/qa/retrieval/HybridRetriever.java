package io.sofastack.qa.retrieval;

import io.sofastack.qa.cpu.BackgroundWork;
import io.sofastack.qa.cpu.ThreadPriority;
import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.index.PassageSearcher;
import io.sofastack.qa.index.PassageSearcher.Hit;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
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
public class HybridRetriever implements AutoCloseable {

    /** The kinds ranked on their own (a community answer is ranked among the threads), threads first. */
    private static final List<Passage.Kind> RANKED = Arrays.stream(Passage.Kind.values())
            .filter(kind -> kind.rankedAs() == kind).toList();
    private static final List<String> RANKED_LABELS = RANKED.stream().map(Passage.Kind::label).toList();
    private static final List<String> THREADS = RANKED.stream().filter(Passage.Kind::thread).map(Passage.Kind::label).toList();
    private static final List<String> SECTIONS = RANKED.stream().filter(kind -> !kind.thread()).map(Passage.Kind::label).toList();

    private final ArchiveIndexer indexer;
    private final EmbeddingModel embeddingModel;
    private final RetrievalProperties properties;
    private final LexicalQueries lexicalQueries;
    private final ScoreFusion fusion;
    private final Terms terms;
    private final BilingualLexicon lexicon;
    private final AnswerabilityFeatures features;
    private final AnswerabilityModel model;
    private final RetrievalGate gate;

    HybridRetriever(ArchiveIndexer indexer, EmbeddingModel embeddingModel, RetrievalProperties properties,
                    RetrievalParts parts, ThreadPriority priority) {
        this.indexer = indexer;
        this.embeddingModel = embeddingModel;
        this.properties = properties;
        this.lexicalQueries = new LexicalQueries();
        this.fusion = parts.fusion();
        this.terms = parts.terms();
        this.lexicon = parts.lexicon();
        this.features = parts.features();
        this.model = parts.model();
        this.gate = new RetrievalGate(properties.maxConcurrent(), properties.queueTimeout(), priority, properties.nice());
    }

    /** Stops the retrieval threads (with the application context). */
    @Override
    public void close() {
        gate.close();
    }

    /** Whether there is an index to search (on a first start, not until the knowledge is indexed). */
    public boolean isReady() {
        return indexer.status().ready();
    }

    public Retrieval retrieve(String question, int limit) {
        return retrieve(question, limit, properties.minConfidence());
    }

    /**
     * A retrieval that abstains under the given probability instead of {@code qa.retrieval.min-confidence};
     * for choosing it. It waits its turn at the gate ({@code qa.retrieval.max-concurrent}).
     *
     * @throws RetrievalBusyException when its turn did not come within {@code qa.retrieval.queue-timeout}
     */
    public Retrieval retrieve(String question, int limit, double minConfidence) {
        return gate.run(() -> judged(question, limit, minConfidence));
    }

    private Retrieval judged(String question, int limit, double minConfidence) {
        Ranking ranking = rank(question, limit, null);
        if (ranking == null || ranking.entries().isEmpty()) {
            return Retrieval.nothing();
        }
        // 6. Judge each kind's first entries; the leading thread or docs section is answered from.
        List<AnswerChoice.Judged<Entry>> judged = new ArrayList<>();
        for (Entry entry : ranking.judged()) {
            judged.add(new AnswerChoice.Judged<>(entry, entry.passage().kind().rankedAs(), model.probability(entry.features()),
                    entry.lead()));
        }
        AnswerChoice.Judged<Entry> chosen = AnswerChoice.choose(judged);
        double confidence = chosen.probability();
        boolean answerable = confidence >= minConfidence;
        // 7. Order: the chosen entry's kind and the other of threads and docs alternately, then
        //    articles among them. Each source's score is its expected worth: the probability that its
        //    kind answers (its first entry's) times how often an answer stands at its rank of that
        //    kind's list (fitted), never above the chosen one's.
        Map<Passage.Kind, Double> kindProbability = new HashMap<>();
        judged.forEach(j -> kindProbability.merge(j.kind(), j.probability(), Math::max));
        Map<Entry, Double> worth = new HashMap<>();
        Map<Passage.Kind, List<Entry>> byKind = new HashMap<>();
        for (Entry entry : ranking.entries()) {
            Passage.Kind kind = entry.passage().kind().rankedAs();
            List<Entry> ofKind = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
            ofKind.add(entry);
            worth.put(entry, kindProbability.getOrDefault(kind, 0.0) * model.rankShare(ofKind.size()));
        }
        byKind.get(chosen.kind()).remove(chosen.entry());
        byKind.get(chosen.kind()).add(0, chosen.entry());
        List<Entry> ordered = AnswerChoice.order(chosen.kind(), byKind);
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
        String text = wellFormed(question.length() > properties.maxQueryChars()
                ? question.substring(0, properties.maxQueryChars()) : question);
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Punctuation, symbols and invisible characters: nothing to search for.
            return null;
        }
        Set<String> questionTerms = terms.of(PassageDocuments.BODY, text);
        boolean english = Scripts.isMostlyLatin(text);
        String expanded = lexicon.expand(text, questionTerms);
        // The embedding (a few ms of ONNX Runtime) runs on a helper thread while this one ranks by BM25,
        // which needs no vector: one question alone takes the time of the longer of the two, not their sum.
        Future<float[]> vector = gate.beside(() -> embedded(expanded));
        try {
            return indexer.index().withSearcher(searcher ->
                    rank(searcher, questionTerms, english, expanded, vector, limit, exclude));
        } finally {
            vector.cancel(true);
        }
    }

    /** The question's embedding, or {@code null} when it has nothing the model can embed. */
    private float[] embedded(String text) {
        try {
            return embeddingModel.embed(text);
        } catch (IllegalArgumentException nothingToEmbed) {
            // Letters the tokenizer has no pieces for (rare scripts): the question is searched by its words only.
            return null;
        }
    }

    private static float[] await(Future<float[]> vector) {
        try {
            return BackgroundWork.resultOf(vector);
        } catch (InterruptedException e) {
            // The asker gave up (RetrievalGate): so does this retrieval.
            Thread.currentThread().interrupt();
            throw new RetrievalBusyException(Duration.ZERO);
        }
    }

    /** The text with each unpaired surrogate (not a character at all, but valid in JSON) replaced by U+FFFD. */
    static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!paired && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(paired ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    private Ranking rank(PassageSearcher searcher, Set<String> questionTerms, boolean english, String expanded,
                         Future<float[]> embedding, int limit, Query exclude) throws IOException {
        AnswerabilityFeatures.Question question = features.question(searcher, questionTerms, english);
        // 1. Rank each kind by BM25 over the analyzed text, passages about a product the question names
        //    higher: threads under one weighting of head and body, sections under another, each in one pass.
        List<String> named = lexicalQueries.productsNamed(expanded);
        Map<String, List<Hit>> lexicalByKind = new HashMap<>();
        lexicalByKind.putAll(lexical(searcher, lexicalQueries.forText(expanded, properties.headBoost(), named, properties.productBoost()), THREADS, exclude));
        lexicalByKind.putAll(lexical(searcher, lexicalQueries.forText(expanded, properties.sectionHeadBoost(), named, properties.productBoost()), SECTIONS, exclude));
        // 2. Rank each by similarity of embeddings (when the question could be embedded), exactly.
        float[] vector = await(embedding);
        Map<String, List<Hit>> vectorByKind = vector == null ? Map.of()
                : searcher.nearestPerGroup(vector, PassageDocuments.KIND, RANKED_LABELS, exclude,
                        properties.vectorCandidates(), gate.helpers());
        List<Entry> entries = new ArrayList<>();
        List<Judging> judging = new ArrayList<>();
        for (Passage.Kind kind : RANKED) {
            List<Hit> lexicalHits = lexicalByKind.getOrDefault(kind.label(), List.of());
            List<Hit> vectorHits = vectorByKind.getOrDefault(kind.label(), List.of());
            // 3. Fuse the two rankings by score, one entry per thread or page.
            float[] similarities = vector == null ? null : searcher.similarities(vector, lexicalHits);
            // Threads are Chinese only: for an English question the embedding is what bridges the two
            // languages there, while docs sections have English versions that BM25 matches directly.
            List<Candidate> fused = fusion.fuse(lexicalHits, similarities, vectorHits, english && !kind.thread());
            List<Map.Entry<Candidate, Passage>> collapsed = OnePerPage.entries(searcher, fused, english ? "en" : "zh", limit);
            // 4. The features of its first entries within the kind.
            AnswerabilityFeatures.Question asked = question.withHits(lexicalHits, vectorHits);
            for (int i = 0; i < collapsed.size(); i++) {
                Candidate candidate = collapsed.get(i).getKey();
                Passage passage = collapsed.get(i).getValue();
                if (i < properties.judgedPerKind()) {
                    judging.add(new Judging(candidate, passage, i == 0,
                            features.withinKind(asked, candidate, passage, runnersUp(collapsed, i))));
                } else {
                    entries.add(new Entry(candidate, passage, null, Double.NaN));
                }
            }
        }
        // 5. How each judged entry compares with the other kinds' first ones, on scales they share.
        Query shared = lexicalQueries.forText(expanded, 1f);
        Map<String, Double> sharedScores = shared == null ? Map.of()
                : searcher.scoresOf(searcher.sharingTermLookups(shared), judging.stream().map(one -> one.passage().id()).toList());
        double bestShared = judging.stream().filter(Judging::first)
                .mapToDouble(one -> sharedScores.getOrDefault(one.passage().id(), 0.0)).max().orElse(0);
        List<Entry> judged = new ArrayList<>();
        for (Judging one : judging) {
            List<double[]> others = judging.stream()
                    .filter(other -> other.first() && other.passage().kind().rankedAs() != one.passage().kind().rankedAs())
                    .map(other -> new double[] {other.candidate().similarity(), sharedScores.getOrDefault(other.passage().id(), 0.0)})
                    .toList();
            double sharedScore = sharedScores.getOrDefault(one.passage().id(), 0.0);
            Features found = features.of(one.withinKind(), one.candidate().similarity(), sharedScore, others);
            // The kinds compete as the candidates of one kind do, on scores they share (for an English
            // question at the English weight, one scale for both kinds).
            double lead = fusion.score(sharedScore, bestShared, one.candidate().similarity(), english);
            Entry entry = new Entry(one.candidate(), one.passage(), found, lead);
            judged.add(entry);
            entries.add(entry);
        }
        entries.sort(Comparator.comparingDouble((Entry entry) -> entry.candidate().score()).reversed());
        return new Ranking(entries, judged);
    }

    /** A judged entry before it is compared across kinds. */
    private record Judging(Candidate candidate, Passage passage, boolean first, double[] withinKind) {
    }

    /** The passages of the few entries after the i-th one. */
    private List<Passage> runnersUp(List<Map.Entry<Candidate, Passage>> collapsed, int i) {
        return collapsed.subList(Math.min(collapsed.size(), i + 1), Math.min(collapsed.size(), i + 1 + properties.runnersUp()))
                .stream().map(Map.Entry::getValue).toList();
    }

    /** Each kind's best BM25 hits under the query (none when the text has no searchable term). */
    private Map<String, List<Hit>> lexical(PassageSearcher searcher, Query query, List<String> kinds, Query exclude)
            throws IOException {
        if (query == null) {
            return Map.of();
        }
        Query searched = exclude == null ? query : new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST).add(exclude, BooleanClause.Occur.MUST_NOT).build();
        return searcher.topPerGroup(searcher.sharingTermLookups(searched), PassageDocuments.KIND, kinds,
                properties.lexicalCandidates());
    }

    /**
     * A fused candidate with its passage, and its features when it was among the first of its kind.
     *
     * @param lead for a judged entry, how it competes with the other kinds' first entries
     *        ({@link AnswerChoice}): its score under one BM25 query for every kind, fused with its
     *        similarity as {@link ScoreFusion} fuses within a kind; {@code NaN} for the others
     */
    record Entry(Candidate candidate, Passage passage, Features features, double lead) {
        RetrievedPassage retrieved(double score) {
            return new RetrievedPassage(passage, Math.round(score * 1000) / 1000.0, candidate.lexicalRank(),
                    candidate.vectorRank(), candidate.similarity());
        }
    }

    /** Every entry by fused score, and the judged ones (the first of each kind), with their features. */
    record Ranking(List<Entry> entries, List<Entry> judged) {
    }
}
