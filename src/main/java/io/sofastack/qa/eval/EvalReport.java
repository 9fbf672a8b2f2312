package io.sofastack.qa.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Accumulates retrieval metrics over a query file, the way the official scorer counts them. */
public final class EvalReport {

    private int answerable;
    private int english;
    private int hitsAt1;
    private int hitsAt5;
    private int englishHitsAt1;
    private int englishHitsAt5;
    private double reciprocalRanks;
    private int unanswerable;
    private int unanswerableRefused;
    private int answerableRefused;
    private final List<Double> latenciesMs = new ArrayList<>();

    /** @param rank rank of the first gold source among the first ten, from 1, or 0 when none */
    void answerable(boolean english, int rank, boolean refused, double latencyMs) {
        latenciesMs.add(latencyMs);
        answerable++;
        answerableRefused += refused ? 1 : 0;
        hitsAt1 += rank == 1 ? 1 : 0;
        hitsAt5 += rank >= 1 && rank <= 5 ? 1 : 0;
        reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
        if (english) {
            this.english++;
            englishHitsAt1 += rank == 1 ? 1 : 0;
            englishHitsAt5 += rank >= 1 && rank <= 5 ? 1 : 0;
        }
    }

    void unanswerable(boolean refused, double latencyMs) {
        latenciesMs.add(latencyMs);
        unanswerable++;
        unanswerableRefused += refused ? 1 : 0;
    }

    public double recallAt1() {
        return ratio(hitsAt1, answerable);
    }

    public double recallAt5() {
        return ratio(hitsAt5, answerable);
    }

    public double mrrAt10() {
        return reciprocalRanks / Math.max(1, answerable);
    }

    public double englishRecallAt5() {
        return ratio(englishHitsAt5, english);
    }

    public double unanswerableRefused() {
        return ratio(unanswerableRefused, unanswerable);
    }

    public double answerableWronglyRefused() {
        return ratio(answerableRefused, answerable);
    }

    public String summary() {
        double[] sorted = latenciesMs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return String.format(
                "answerable=%d R@1=%.3f R@5=%.3f MRR@10=%.3f en_R@1=%.3f en_R@5=%.3f (english=%d)%n"
                        + "unanswerable=%d refused=%.3f answerable_wrongly_refused=%.3f%n"
                        + "latency_ms p50=%.1f p95=%.1f p99=%.1f max=%.1f (in process, one at a time)",
                answerable, ratio(hitsAt1, answerable), ratio(hitsAt5, answerable), reciprocalRanks / Math.max(1, answerable),
                ratio(englishHitsAt1, english), ratio(englishHitsAt5, english), english,
                unanswerable, ratio(unanswerableRefused, unanswerable), ratio(answerableRefused, answerable),
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static double percentile(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))];
    }
}
