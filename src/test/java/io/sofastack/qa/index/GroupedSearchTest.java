package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.PassageSearcher.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ranking every kind of passage in one pass must give exactly what one search per kind gives: the
 * same documents, scores and order, over several segments with deleted documents, and never a
 * document of another kind or one left out.
 */
class GroupedSearchTest {

    private static final List<String> KINDS = List.of("qa", "doc", "article");
    private static final String[] WORDS = {"raft", "leader", "election", "seata", "lock", "mosn", "sidecar", "rpc",
            "timeout", "registry", "snapshot", "log", "jraft", "config", "tracer", "ark", "biz", "module"};
    private static final int DIMENSIONS = 16;

    private final Random random = new Random(7);
    private final Directory directory = new ByteBuffersDirectory();
    private final PerSegment<SegmentVectors> vectors = SegmentVectors.of("vector", DotProduct.SCALAR);
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void indexSeveralSegmentsWithDeletions() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            int id = 0;
            for (int segment = 0; segment < 4; segment++) {
                // enough vectors in all (2,400) for the scan to be shared with a helper
                for (int i = 0; i < 600; i++, id++) {
                    writer.addDocument(document(id));
                }
                writer.commit();
            }
            for (int deleted = 0; deleted < id; deleted += 7) {
                writer.deleteDocuments(new Term("id", Integer.toString(deleted)));
            }
            writer.commit();
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(reader.hasDeletions()).isTrue();
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    private Document document(int id) {
        Document document = new Document();
        document.add(new StringField("id", Integer.toString(id), Field.Store.YES));
        // one document in ten has a kind nobody asks for
        document.add(new StringField("kind", id % 10 == 9 ? "other" : KINDS.get(random.nextInt(KINDS.size())), Field.Store.NO));
        StringBuilder text = new StringBuilder();
        for (int i = 0, words = 3 + random.nextInt(12); i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        document.add(new TextField("head", WORDS[random.nextInt(WORDS.length)], Field.Store.NO));
        document.add(new TextField("body", text.toString(), Field.Store.NO));
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        VectorUtil.l2normalize(vector);
        document.add(new KnnFloatVectorField("vector", vector, VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new StoredField("raw", vectorBytes(vector)));
        return document;
    }

    private static byte[] vectorBytes(float[] vector) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(vector.length * Float.BYTES);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    private Query question(String... words) {
        BooleanQuery.Builder head = new BooleanQuery.Builder();
        BooleanQuery.Builder body = new BooleanQuery.Builder();
        for (String word : words) {
            head.add(new TermQuery(new Term("head", word)), BooleanClause.Occur.SHOULD);
            body.add(new TermQuery(new Term("body", word)), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder().add(new BoostQuery(head.build(), 2f), BooleanClause.Occur.SHOULD)
                .add(body.build(), BooleanClause.Occur.SHOULD).build();
    }

    private List<Hit> onePerKind(Query query, String kind, int count) throws IOException {
        Query filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("kind", kind)), BooleanClause.Occur.FILTER).build();
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(filtered, count).scoreDocs) {
            hits.add(new Hit(hit.doc, hit.score));
        }
        return hits;
    }

    @Test
    void bm25InOnePassIsEveryKindsOwnSearch() throws IOException {
        PassageSearcher passages = new PassageSearcher(searcher, new PassageDocuments(JsonMapper.builder().build()), vectors,
                SegmentKeywords.of("page"), SegmentKeywords.of("kind"));
        for (int count : new int[] {1, 5, 40, 1000}) {
            for (Query query : List.of(question("raft", "leader", "log"), question("seata"), question("mosn", "rpc", "timeout", "ark"))) {
                Map<String, List<Hit>> grouped = passages.topPerGroup(query, "kind", KINDS, count);
                for (String kind : KINDS) {
                    assertThat(grouped.get(kind)).as("%s, %d hits of kind %s", query, count, kind)
                            .isEqualTo(onePerKind(query, kind, count));
                }
            }
        }
    }

    @Test
    void nearestOfEachKindAreTheExactNeighboursAmongTheLiveDocumentsNotLeftOut() throws IOException {
        float[] question = randomUnitVector();
        Query leftOut = new TermQuery(new Term("body", "raft"));
        Map<String, List<Hit>> nearest = searcherComparingBy(DotProduct.SCALAR).nearestPerGroup(question, "kind", KINDS, leftOut, 25);
        for (String kind : KINDS) {
            assertThat(nearest.get(kind)).as("kind %s", kind).isEqualTo(bruteForceNearest(question, kind, leftOut, 25));
        }
    }

    @Test
    void scoresOfGivenPassagesAreTheirScoresUnderTheQueryAndOnlyThoseItMatches() throws IOException {
        Query query = question("raft", "leader");
        Map<String, Double> all = new java.util.HashMap<>();
        for (ScoreDoc hit : searcher.search(query, reader.maxDoc()).scoreDocs) {
            all.put(searcher.storedFields().document(hit.doc).get("id"), (double) hit.score);
        }
        List<String> asked = new ArrayList<>(all.keySet()).subList(0, 5);
        List<String> withUnmatched = new ArrayList<>(asked);
        String unmatched = java.util.stream.IntStream.range(0, 2400).mapToObj(Integer::toString)
                .filter(id -> !all.containsKey(id)).findFirst().orElseThrow();
        withUnmatched.add(unmatched);

        Map<String, Double> scores = searcherComparingBy(DotProduct.SCALAR).scoresOf(query, withUnmatched);

        assertThat(scores).containsOnlyKeys(asked);
        asked.forEach(id -> assertThat(scores.get(id)).as("passage %s", id).isEqualTo(all.get(id)));
    }

    @Test
    void aDocumentsOwnSimilarityIsWhatTheScanScoresItInEverySegment() throws IOException {
        float[] question = randomUnitVector();
        PassageSearcher passages = searcherComparingBy(DotProduct.SCALAR);
        List<Hit> all = bruteForceNearest(question, "doc", null, 200);
        float[] similarities = passages.similarities(question, all);
        for (int i = 0; i < all.size(); i++) {
            assertThat(similarities[i]).as("doc %d", all.get(i).doc()).isEqualTo(all.get(i).score());
        }
        assertThat(all.stream().map(hit -> org.apache.lucene.index.ReaderUtil.subIndex(hit.doc(), reader.leaves())).distinct().count())
                .as("segments the documents are in").isGreaterThan(1);
    }

    @Test
    void theVectorApisProductFindsTheSameNeighboursInTheSameOrderWithScoresEqualToTheLastBits() throws Exception {
        WarmedUpDotProduct fastest = (WarmedUpDotProduct) DotProduct.choose(true);
        for (long deadline = System.nanoTime() + 30_000_000_000L; !fastest.done() && System.nanoTime() < deadline; ) {
            Thread.sleep(5);
        }
        float[] question = randomUnitVector();
        Map<String, List<Hit>> nearest = searcherComparingBy(fastest).nearestPerGroup(question, "kind", KINDS, null, 40);
        for (String kind : KINDS) {
            List<Hit> expected = bruteForceNearest(question, kind, null, 40);
            List<Hit> found = nearest.get(kind);
            assertThat(found).extracting(Hit::doc).as("kind %s, by %s", kind, fastest.description())
                    .isEqualTo(expected.stream().map(Hit::doc).toList());
            for (int i = 0; i < found.size(); i++) {
                assertThat(found.get(i).score()).isCloseTo(expected.get(i).score(), org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void aScanSharedWithAHelperFindsTheSameNeighboursWhetherTheHelperTakesItsHalfAtOnceLaterOrNever() throws Exception {
        float[] question = randomUnitVector();
        Query leftOut = new TermQuery(new Term("body", "raft"));
        PassageSearcher passages = searcherComparingBy(DotProduct.SCALAR);
        Map<String, List<Hit>> alone = passages.nearestPerGroup(question, "kind", KINDS, leftOut, 30);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<Runnable> neverRun = new ArrayList<>();
        try {
            for (java.util.concurrent.Executor helper : List.<java.util.concurrent.Executor>of(Runnable::run, pool, neverRun::add)) {
                assertThat(passages.nearestPerGroup(question, "kind", KINDS, leftOut, 30, helper)).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
        // the helper that got to the task too late finds the upper half already compared
        neverRun.forEach(Runnable::run);
        for (String kind : KINDS) {
            assertThat(alone.get(kind)).isEqualTo(bruteForceNearest(question, kind, leftOut, 30));
        }
    }

    private PassageSearcher searcherComparingBy(DotProduct product) {
        return new PassageSearcher(searcher, new PassageDocuments(JsonMapper.builder().build()),
                SegmentVectors.of("vector", product), SegmentKeywords.of("page"), SegmentKeywords.of("kind"));
    }

    private float[] randomUnitVector() {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        VectorUtil.l2normalize(vector);
        return vector;
    }

    /** Lucene's own similarity of the question to each stored vector of the kind, sorted as Lucene sorts hits. */
    private List<Hit> bruteForceNearest(float[] question, String kind, Query leftOut, int count) throws IOException {
        List<Hit> expected = new ArrayList<>();
        BooleanQuery.Builder candidates = new BooleanQuery.Builder().add(new TermQuery(new Term("kind", kind)), BooleanClause.Occur.FILTER);
        if (leftOut != null) {
            candidates.add(leftOut, BooleanClause.Occur.MUST_NOT);
        }
        for (ScoreDoc hit : searcher.search(candidates.build(), reader.maxDoc()).scoreDocs) {
            byte[] raw = searcher.storedFields().document(hit.doc).getBinaryValue("raw").bytes;
            float[] vector = new float[DIMENSIONS];
            java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(vector);
            expected.add(new Hit(hit.doc, VectorSimilarityFunction.DOT_PRODUCT.compare(question, vector)));
        }
        expected.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::doc));
        return expected.subList(0, count);
    }

    @Test
    void eachSegmentsVectorsAreCopiedOnceAndDroppedWhenLuceneClosesTheSegment() throws IOException {
        for (int question = 0; question < 2; question++) {
            for (var leaf : reader.leaves()) {
                SegmentVectors held = vectors.of(leaf.reader());
                assertThat(held.docs()).hasSize(leaf.reader().getFloatVectorValues("vector").size());
            }
        }
        assertThat(vectors.segments()).isEqualTo(reader.leaves().size());
        var first = reader.leaves().get(0).reader();
        assertThat(vectors.of(first)).isSameAs(vectors.of(first));

        reader.close();
        assertThat(vectors.segments()).isZero();
        reader = DirectoryReader.open(directory);
    }

    @Test
    void sharedTermLookupsChangeNoScoreAndNoDocumentFrequency() throws IOException {
        PassageSearcher passages = new PassageSearcher(searcher, new PassageDocuments(JsonMapper.builder().build()), vectors,
                SegmentKeywords.of("page"), SegmentKeywords.of("kind"));
        Query query = question("raft", "snapshot", "nosuchword", "tracer");
        ScoreDoc[] plain = searcher.search(query, 50).scoreDocs;
        // twice: the second time every term comes from what the first looked up
        for (int round = 0; round < 2; round++) {
            ScoreDoc[] shared = searcher.search(passages.sharingTermLookups(query), 50).scoreDocs;
            assertThat(shared).hasSameSizeAs(plain);
            for (int i = 0; i < plain.length; i++) {
                assertThat(shared[i].doc).isEqualTo(plain[i].doc);
                assertThat(shared[i].score).isEqualTo(plain[i].score);
            }
        }
        for (String word : WORDS) {
            assertThat(passages.documentFrequency("body", word)).as(word).isEqualTo(reader.docFreq(new Term("body", word)));
        }
        assertThat(passages.documentFrequency("body", "nosuchword")).isZero();
    }
}
