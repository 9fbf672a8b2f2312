package io.sofastack.qa.index;

import io.sofastack.qa.cpu.BackgroundWork;
import io.sofastack.qa.index.PassageSearcher.Hit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The best documents of each group (the values of one keyword field) in a single pass, with exactly
 * the hits that one search per group, filtered to that group, would give: the same scores, the same
 * order (score, then document), so ranking several kinds of passage costs one scoring of the query
 * and one look at each vector instead of one per kind.
 */
final class GroupedSearch {

    private static final int NO_GROUP = -1;
    /** Fewer vectors than this are compared on one thread: handing half of them over would cost more than it saves. */
    private static final int MIN_SHARED_SCAN = 2048;

    private final IndexSearcher searcher;
    private final String groupField;
    private final PerSegment<SegmentKeywords> groupValues;
    private final List<String> groups;

    /** @param groupValues each segment's values of {@code groupField} */
    GroupedSearch(IndexSearcher searcher, String groupField, PerSegment<SegmentKeywords> groupValues, List<String> groups) {
        this.searcher = searcher;
        this.groupField = groupField;
        this.groupValues = groupValues;
        this.groups = List.copyOf(groups);
    }

    /** By the query's scores; documents outside the groups are never scored. */
    Map<String, List<Hit>> top(Query query, int count) throws IOException {
        BooleanQuery.Builder inGroups = new BooleanQuery.Builder();
        groups.forEach(group -> inGroups.add(new TermQuery(new Term(groupField, group)), BooleanClause.Occur.SHOULD));
        PerGroupCollector collector = new PerGroupCollector(count);
        searcher.search(new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(inGroups.build(), BooleanClause.Occur.FILTER).build(), collector);
        return collector.queues.results();
    }

    /**
     * By the vector field's own similarity to {@code vector}, exactly: every vector of the field (held on
     * the heap by {@code vectors}) is compared, once. For the whole site (8,471 vectors) one filtered HNSW
     * search per kind took longer than the whole scan and was approximate.
     *
     * <p>With a {@code helper}, the upper half of each segment's vectors is offered to it: when it starts
     * that half before this thread is done with the lower one, the two halves are compared at once (a
     * question alone on the machine waits half a scan less); when it is busy with other work, this
     * thread compares the upper half itself afterwards, and the helper then finds nothing left to do.
     * Either way the hits are the same.
     *
     * @param exclude documents left out, or {@code null}
     * @param helper another thread to share the scan with, or {@code null}
     */
    Map<String, List<Hit>> nearest(PerSegment<SegmentVectors> vectors, float[] vector, Query exclude, int count,
                                   Executor helper) throws IOException {
        Weight excluded = exclude == null ? null
                : searcher.createWeight(searcher.rewrite(exclude), ScoreMode.COMPLETE_NO_SCORES, 1);
        List<SegmentScan> scans = new ArrayList<>();
        int total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            SegmentVectors segment = vectors.of(reader);
            if (segment.docs().length == 0) {
                continue;
            }
            scans.add(new SegmentScan(leaf.docBase, segment, groupsOf(reader), reader.getLiveDocs(),
                    excluded == null ? null : matches(excluded, leaf)));
            total += segment.docs().length;
        }
        Queues lower = new Queues(count);
        if (helper == null || total < MIN_SHARED_SCAN) {
            scans.forEach(scan -> scan.into(lower, vector, 0, scan.size()));
            return lower.results();
        }
        Queues upper = new Queues(count);
        AtomicBoolean upperTaken = new AtomicBoolean();
        Runnable upperHalf = () -> scans.forEach(scan -> scan.into(upper, vector, scan.size() / 2, scan.size()));
        FutureTask<Void> shared = new FutureTask<>(() -> {
            if (upperTaken.compareAndSet(false, true)) {
                upperHalf.run();
            }
        }, null);
        try {
            helper.execute(shared);
        } catch (RejectedExecutionException shutDown) {
            // Nothing to share with: this thread takes both halves.
        }
        scans.forEach(scan -> scan.into(lower, vector, 0, scan.size() / 2));
        if (upperTaken.compareAndSet(false, true)) {
            upperHalf.run();
        } else {
            awaitUpperHalf(shared);
        }
        lower.addAll(upper);
        return lower.results();
    }

    private static void awaitUpperHalf(FutureTask<Void> running) throws IOException {
        try {
            BackgroundWork.resultOf(running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the helper compared the upper half of the vectors");
        }
    }

    /** One segment's vectors, and which of its documents count, for comparing a range of them. */
    private record SegmentScan(int docBase, SegmentVectors segment, int[] groupOf, Bits live, FixedBitSet left) {

        int size() {
            return segment.docs().length;
        }

        /** Offers the vectors from {@code from} to {@code to} (by position in the segment), in document order. */
        void into(Queues queues, float[] vector, int from, int to) {
            int[] docs = segment.docs();
            for (int i = from; i < to; i++) {
                int doc = docs[i];
                int group = groupOf[doc];
                if (group == NO_GROUP || live != null && !live.get(doc) || left != null && left.get(doc)) {
                    continue;
                }
                queues.offer(group, docBase + doc, segment.similarity(vector, i));
            }
        }
    }

    /** The group of each document of the segment, by position in {@link #groups}, or {@link #NO_GROUP}. */
    private int[] groupsOf(LeafReader reader) throws IOException {
        SegmentKeywords values = groupValues.of(reader);
        int[] groupOfValue = new int[values.values().length];
        for (int value = 0; value < groupOfValue.length; value++) {
            groupOfValue[value] = groups.indexOf(values.values()[value]);
        }
        int[] groupOf = new int[reader.maxDoc()];
        for (int doc = 0; doc < groupOf.length; doc++) {
            int value = values.ordinalOf()[doc];
            groupOf[doc] = value < 0 ? NO_GROUP : groupOfValue[value];
        }
        return groupOf;
    }

    private static FixedBitSet matches(Weight weight, LeafReaderContext leaf) throws IOException {
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            bits.or(scorer.iterator());
        }
        return bits;
    }

    /** One bounded queue per group, ordered as Lucene orders hits: higher score first, then lower document. */
    private final class Queues {
        private final int count;
        private final HitQueue[] queues;

        Queues(int count) {
            this.count = Math.max(1, count);
            this.queues = new HitQueue[groups.size()];
            for (int i = 0; i < queues.length; i++) {
                queues[i] = new HitQueue(this.count, false);
            }
        }

        void offer(int group, int doc, float score) {
            HitQueue queue = queues[group];
            // Documents come in increasing order, so one that only ties the last hit loses to it.
            if (queue.size() < count || score > queue.top().score) {
                queue.insertWithOverflow(new ScoreDoc(doc, score));
            }
        }

        /** Adds the other queues' hits, in any order: exactly as if they had been offered here. */
        void addAll(Queues other) {
            for (int group = 0; group < queues.length; group++) {
                while (other.queues[group].size() > 0) {
                    queues[group].insertWithOverflow(other.queues[group].pop());
                }
            }
        }

        /** The lowest score any group still needs to beat, or -infinity while some group is not full. */
        float weakestBottom() {
            float weakest = Float.POSITIVE_INFINITY;
            for (HitQueue queue : queues) {
                if (queue.size() < count) {
                    return Float.NEGATIVE_INFINITY;
                }
                weakest = Math.min(weakest, queue.top().score);
            }
            return weakest;
        }

        Map<String, List<Hit>> results() {
            Map<String, List<Hit>> results = new LinkedHashMap<>();
            for (int group = 0; group < queues.length; group++) {
                Hit[] best = new Hit[queues[group].size()];
                for (int i = best.length - 1; i >= 0; i--) {
                    ScoreDoc hit = queues[group].pop();
                    best[i] = new Hit(hit.doc, hit.score);
                }
                results.put(groups.get(group), new ArrayList<>(List.of(best)));
            }
            return results;
        }
    }

    /**
     * Keeps each group's best hits. Once every group is full, a document that scores no more than the
     * weakest group's last hit can enter none (a tie goes to the lower document, collected earlier), so
     * the scorer may skip it: the same pruning a single search does.
     */
    private final class PerGroupCollector implements Collector {
        private final Queues queues;

        PerGroupCollector(int count) {
            this.queues = new Queues(count);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            int[] groupOf = groupsOf(leaf.reader());
            return new LeafCollector() {
                private Scorable scorer;
                private float competitive = Float.NEGATIVE_INFINITY;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    raiseMinimum();
                }

                @Override
                public void collect(int doc) throws IOException {
                    int group = groupOf[doc];
                    if (group == NO_GROUP) {
                        return;
                    }
                    queues.offer(group, leaf.docBase + doc, scorer.score());
                    raiseMinimum();
                }

                private void raiseMinimum() throws IOException {
                    float weakest = queues.weakestBottom();
                    if (weakest > competitive) {
                        competitive = weakest;
                        scorer.setMinCompetitiveScore(Math.nextUp(weakest));
                    }
                }
            };
        }
    }
}
