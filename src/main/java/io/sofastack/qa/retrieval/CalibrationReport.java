package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * How well the answerability model's probabilities hold on questions it was not fitted on: a
 * reliability table (predicted against observed, in bins) and the trade-off between refusing
 * unanswerable questions and wrongly refusing answerable ones, by threshold.
 */
final class CalibrationReport {

    private CalibrationReport() {
    }

    /** @param heldOut per retrieval, {probability of the entry answered from, 1 when it is right} */
    static String of(List<AnswerabilityFitter.Asked> asked, double[][] heldOut, double threshold, int bins) {
        StringBuilder text = new StringBuilder();
        text.append("Reliability on held-out folds (").append(asked.size()).append(" synthetic retrievals):\n\n");
        text.append("| predicted | retrievals | mean predicted | observed right |\n|---|---:|---:|---:|\n");
        for (int bin = 0; bin < bins; bin++) {
            double low = (double) bin / bins;
            double high = (double) (bin + 1) / bins;
            int count = 0;
            double predicted = 0;
            double right = 0;
            for (double[] one : heldOut) {
                if (one[0] >= low && (one[0] < high || bin == bins - 1)) {
                    count++;
                    predicted += one[0];
                    right += one[1];
                }
            }
            text.append(String.format("| %.1f–%.1f | %d | %s | %s |%n", low, high, count,
                    count == 0 ? "–" : String.format("%.3f", predicted / count), count == 0 ? "–" : String.format("%.3f", right / count)));
        }
        text.append("\nRefusal by threshold (answerable: the passage asked about is in the index; unanswerable: left out):\n\n");
        text.append("| threshold | unanswerable refused | answerable wrongly refused | answerable answered right |\n|---:|---:|---:|---:|\n");
        for (double t = 0.1; t < 0.95; t += 0.1) {
            text.append(String.format("| %.1f%s | %s |%n", t, Math.abs(t - threshold) < 1e-9 ? " (in use)" : "", tradeOff(asked, heldOut, t)));
        }
        for (String group : new String[] {"qa", "doc", "article", "english"}) {
            text.append(String.format("%nAt %.2f, %s questions: %s", threshold, group, tradeOff(asked, heldOut, threshold, group)));
        }
        return text.append('\n').toString();
    }

    private static String tradeOff(List<AnswerabilityFitter.Asked> asked, double[][] heldOut, double threshold) {
        return tradeOff(asked, heldOut, threshold, null).replace(", ", " | ").replaceAll("[a-z ]+=", "");
    }

    private static String tradeOff(List<AnswerabilityFitter.Asked> asked, double[][] heldOut, double threshold, String group) {
        int unanswerable = 0;
        int refusedUnanswerable = 0;
        int answerable = 0;
        int refusedAnswerable = 0;
        int right = 0;
        for (int i = 0; i < asked.size(); i++) {
            AnswerabilityFitter.Asked one = asked.get(i);
            if (group != null && !(group.equals("english") ? one.english() : one.kind().label().equals(group))) {
                continue;
            }
            boolean refused = heldOut[i][0] < threshold;
            if (one.answerable()) {
                answerable++;
                refusedAnswerable += refused ? 1 : 0;
                right += !refused && heldOut[i][1] > 0 ? 1 : 0;
            } else {
                unanswerable++;
                refusedUnanswerable += refused ? 1 : 0;
            }
        }
        return String.format("unanswerable refused=%s, answerable wrongly refused=%s, answered right=%s",
                share(refusedUnanswerable, unanswerable), share(refusedAnswerable, answerable), share(right, answerable));
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "–" : String.format("%.3f", (double) part / whole);
    }
}
