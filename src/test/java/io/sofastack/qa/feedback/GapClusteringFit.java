package io.sofastack.qa.feedback;

import io.sofastack.qa.index.BgeSmallZhEmbeddingModel;
import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.Passage;
import io.sofastack.qa.ingest.ProductTagger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Chooses {@code qa.gaps.cluster-similarity} on the archive's own questions, not on anything the bot
 * is judged by: every weekly-Q&A question that names exactly one product is labelled with it, the
 * questions are split in two folds by their thread id, the cut with the best adjusted Rand index against
 * the product is chosen on fold A, and fold B is reported at
 * that cut (and fold A's figure at B's best cut, the other way round).
 *
 * <pre>mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.sofastack.qa.feedback.GapClusteringFit \
 *     -Dexec.args="../shared/corpus/sofastack.tech"</pre>
 */
public final class GapClusteringFit {

    private GapClusteringFit() {
    }

    public static void main(String[] args) {
        String corpus = args.length > 0 ? args[0] : "../shared/corpus/sofastack.tech";
        List<Passage> threads = new CorpusReader(new CorpusProperties(List.of(corpus), 2_000_000, "https://www.sofastack.tech", "zh", false, 1500))
                .read().threads();
        ProductTagger products = new ProductTagger();
        List<String> questions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Boolean> foldA = new ArrayList<>();
        for (Passage thread : threads) {
            List<String> named = products.tag(thread.question());
            if (named.size() == 1) {
                questions.add(thread.question());
                labels.add(named.get(0));
                foldA.add(Math.floorMod(thread.id().hashCode(), 2) == 0);
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<float[]> vectors = new BgeSmallZhEmbeddingModel(executor, 2).embed(questions);
        executor.shutdown();
        System.out.printf(Locale.ROOT, "%d questions naming one product (%d in fold A)%n", questions.size(),
                foldA.stream().filter(a -> a).count());
        double[] cuts = new double[17];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = 0.50 + 0.025 * i;
        }
        double[][] scores = new double[2][cuts.length];
        for (int fold = 0; fold < 2; fold++) {
            List<float[]> foldVectors = new ArrayList<>();
            List<String> foldLabels = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                if (foldA.get(i) == (fold == 0)) {
                    foldVectors.add(vectors.get(i));
                    foldLabels.add(labels.get(i));
                }
            }
            for (int c = 0; c < cuts.length; c++) {
                List<List<Integer>> clusters = AverageLinkage.clusters(foldVectors, cuts[c]);
                scores[fold][c] = adjustedRand(clusters, foldLabels);
                System.out.printf(Locale.ROOT, "fold %s cut %.3f clusters %d ARI %.3f%n", fold == 0 ? "A" : "B", cuts[c],
                        clusters.size(), scores[fold][c]);
            }
        }
        int bestA = best(scores[0]);
        int bestB = best(scores[1]);
        System.out.printf(Locale.ROOT, "chosen on A: cut %.3f (A %.3f) -> held-out B %.3f%n", cuts[bestA], scores[0][bestA], scores[1][bestA]);
        System.out.printf(Locale.ROOT, "chosen on B: cut %.3f (B %.3f) -> held-out A %.3f%n", cuts[bestB], scores[1][bestB], scores[0][bestB]);
    }

    private static int best(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The adjusted Rand index of the clusters against the labels: the share of question pairs both put
     * together or both kept apart, corrected for chance, so that all-singletons and one-big-cluster score
     * near 0 and a perfect match 1.
     */
    static double adjustedRand(List<List<Integer>> clusters, List<String> labels) {
        Map<String, Map<Integer, Integer>> joint = new HashMap<>();
        Map<String, Integer> labelCounts = new HashMap<>();
        long n = 0;
        double sumClusters = 0;
        for (int c = 0; c < clusters.size(); c++) {
            for (int member : clusters.get(c)) {
                joint.computeIfAbsent(labels.get(member), l -> new HashMap<>()).merge(c, 1, Integer::sum);
                labelCounts.merge(labels.get(member), 1, Integer::sum);
                n++;
            }
            sumClusters += pairs(clusters.get(c).size());
        }
        double sumCells = 0;
        for (var row : joint.values()) {
            for (int count : row.values()) {
                sumCells += pairs(count);
            }
        }
        double sumLabels = 0;
        for (int count : labelCounts.values()) {
            sumLabels += pairs(count);
        }
        double expected = sumLabels * sumClusters / pairs(n);
        double max = (sumLabels + sumClusters) / 2;
        return max == expected ? 0 : (sumCells - expected) / (max - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }
}
