package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * Fits a logistic regression by full-batch gradient descent on standardised features, with a light
 * L2 penalty. Deterministic: the same rows give the same model.
 */
final class LogisticRegression {

    private static final int ITERATIONS = 3000;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private LogisticRegression() {
    }

    static AnswerabilityModel fit(List<double[]> rows, List<Boolean> labels, double[] rankShares) {
        int n = rows.size();
        int d = Features.NAMES.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            // A constant feature carries nothing: keep its scale at 1 so that it stays at weight 0.
            scale[j] = scale[j] < 1e-12 ? 1 : Math.sqrt(scale[j]);
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (rows.get(i)[j] - mean[j]) / scale[j];
            }
        }
        double[] weights = new double[d];
        double bias = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double biasGradient = 0;
            for (int i = 0; i < n; i++) {
                double z = bias;
                for (int j = 0; j < d; j++) {
                    z += weights[j] * x[i][j];
                }
                double error = 1 / (1 + Math.exp(-z)) - (labels.get(i) ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[i][j] / n;
                }
                biasGradient += error / n;
            }
            for (int j = 0; j < d; j++) {
                weights[j] -= LEARNING_RATE * (gradient[j] + L2 * weights[j]);
            }
            bias -= LEARNING_RATE * biasGradient;
        }
        return new AnswerabilityModel(Features.NAMES, mean, scale, weights, bias, rankShares, similarityFloor(rows, labels));
    }

    /** The {@link AnswerabilityModel#FLOOR_QUANTILE} quantile of the right answers' similarity (-1 without any). */
    static double similarityFloor(List<double[]> rows, List<Boolean> labels) {
        double[] right = java.util.stream.IntStream.range(0, rows.size()).filter(labels::get)
                .mapToDouble(i -> rows.get(i)[AnswerabilityModel.SIMILARITY]).sorted().toArray();
        return right.length == 0 ? -1 : right[(int) Math.floor(AnswerabilityModel.FLOOR_QUANTILE * (right.length - 1))];
    }
}
