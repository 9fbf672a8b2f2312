package io.sofastack.qa.eval;

import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.Retrieval;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses {@code qa.retrieval.min-confidence} on validation queries by k-fold cross-validation, and
 * reports what the choice does on queries it was not chosen on. Each fold's threshold is the one that
 * does best on the other folds (a right answer counts +1, a wrong answer -1, an abstention 0: saying
 * nothing beats saying something wrong); the figures of a fold come from its own threshold, so no
 * query is scored by a threshold chosen on it.
 */
final class ThresholdSelection {

    private static final int RANKS = 10;
    private static final double STEP = 0.05;

    private final HybridRetriever retriever;
    private final JsonMapper jsonMapper;

    ThresholdSelection(HybridRetriever retriever, JsonMapper jsonMapper) {
        this.retriever = retriever;
        this.jsonMapper = jsonMapper;
    }

    /** One query's outcome at each threshold of the grid: grounded, and the gold's rank (0: none). */
    private record Outcomes(String file, EvalQuery query, boolean[] grounded, int[] rank) {
        int utility(int t) {
            if (!grounded[t]) {
                return 0;
            }
            return query.answerable() && rank[t] == 1 ? 1 : -1;
        }
    }

    double select(List<Path> files, int folds, PrintStream out) throws IOException {
        int steps = (int) Math.round(1 / STEP) - 1;
        List<Outcomes> outcomes = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                EvalQuery query = jsonMapper.readValue(line, EvalQuery.class);
                boolean[] grounded = new boolean[steps];
                int[] rank = new int[steps];
                for (int t = 0; t < steps; t++) {
                    Retrieval retrieval = retriever.retrieve(query.query(), RANKS, threshold(t));
                    grounded[t] = retrieval.answerable();
                    rank[t] = RetrievalEvaluation.rankOfGold(query, retrieval.passages());
                }
                outcomes.add(new Outcomes(file.getFileName().toString(), query, grounded, rank));
            }
            out.printf("asked %s at %d thresholds%n", file, steps);
        }
        Map<String, EvalReport> reports = new LinkedHashMap<>();
        for (int fold = 0; fold < folds; fold++) {
            int chosen = best(outcomes, fold, folds, false);
            out.printf("fold %d: threshold %.2f chosen on the other folds%n", fold, threshold(chosen));
            for (Outcomes one : outcomes) {
                if (foldOf(one, folds) == fold) {
                    EvalReport report = reports.computeIfAbsent(one.file(), name -> new EvalReport());
                    if (one.query().answerable()) {
                        report.answerable("en".equals(one.query().lang()), one.rank()[chosen], !one.grounded()[chosen], 0);
                    } else {
                        report.unanswerable(!one.grounded()[chosen], 0);
                    }
                }
            }
        }
        reports.forEach((file, report) -> out.printf("%s, each fold at its own threshold:%n%s%n", file,
                report.summary().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElse("")));
        out.println("| threshold | unanswerable refused | answerable wrongly refused | answerable answered right at rank 1 |");
        out.println("|---:|---:|---:|---:|");
        for (int t = 1; t < outcomes.get(0).grounded().length; t += 2) {
            int unanswerable = 0;
            int refused = 0;
            int answerable = 0;
            int wronglyRefused = 0;
            int right = 0;
            for (Outcomes one : outcomes) {
                if (one.query().answerable()) {
                    answerable++;
                    wronglyRefused += one.grounded()[t] ? 0 : 1;
                    right += one.grounded()[t] && one.rank()[t] == 1 ? 1 : 0;
                } else {
                    unanswerable++;
                    refused += one.grounded()[t] ? 0 : 1;
                }
            }
            out.printf("| %.1f | %.3f | %.3f | %.3f |%n", threshold(t), (double) refused / Math.max(1, unanswerable),
                    (double) wronglyRefused / Math.max(1, answerable), (double) right / Math.max(1, answerable));
        }
        double threshold = threshold(best(outcomes, -1, folds, true));
        out.printf("threshold chosen on all the queries: %.2f%n", threshold);
        return threshold;
    }

    /** The grid index doing best on every fold but {@code fold} (or on all); ties go to the higher, more cautious threshold. */
    private static int best(List<Outcomes> outcomes, int fold, int folds, boolean all) {
        int best = 0;
        long bestUtility = Long.MIN_VALUE;
        for (int t = 0; t < outcomes.get(0).grounded().length; t++) {
            long utility = 0;
            for (Outcomes one : outcomes) {
                if (all || foldOf(one, folds) != fold) {
                    utility += one.utility(t);
                }
            }
            if (utility >= bestUtility) {
                bestUtility = utility;
                best = t;
            }
        }
        return best;
    }

    private static int foldOf(Outcomes one, int folds) {
        return Math.floorMod(one.query().qid().hashCode(), folds);
    }

    private static double threshold(int t) {
        return Math.round((t + 1) * STEP * 100) / 100.0;
    }
}
