package io.sofastack.qa.retrieval;

import java.util.List;

/**
 * The probability that a retrieved passage answers the question: a logistic regression over
 * standardised {@link Features}, fitted by {@link AnswerabilityFitter} on questions made from the
 * knowledge itself and loaded from a small versioned resource.
 *
 * @param names the feature names the model was fitted on, in order
 * @param mean the mean of each feature in the fitting data
 * @param scale the standard deviation of each feature in the fitting data
 * @param weights one weight per standardised feature
 * @param bias the intercept
 * @param rankShares how often, in the fitting data, the answer stood first, second, … among the entries
 *        of its kind: what an entry further down a kind's list is worth beside the first one
 * @param similarityFloor the similarity under which hardly any right answer of the fitting data lay
 *        (its {@link #FLOOR_QUANTILE} quantile): a passage less like the question than that is out of
 *        what the regression was fitted on (the fitting questions are all about the knowledge), so
 *        its probability is 0 rather than the regression's extrapolation; how a question about
 *        something else entirely is refused even when a few of its words occur in the knowledge
 */
public record AnswerabilityModel(List<String> names, double[] mean, double[] scale, double[] weights, double bias,
                                 double[] rankShares, double similarityFloor) {

    /** The share of the fitting data's right answers that the similarity floor leaves under it. */
    static final double FLOOR_QUANTILE = 0.01;
    static final int SIMILARITY = Features.NAMES.indexOf("similarity");

    public AnswerabilityModel {
        names = List.copyOf(names);
        if (!names.equals(Features.NAMES)) {
            throw new IllegalArgumentException("the answerability model was fitted on features " + names
                    + ", but retrieval computes " + Features.NAMES + ": re-fit it (see README)");
        }
        if (mean.length != names.size() || scale.length != names.size() || weights.length != names.size()) {
            throw new IllegalArgumentException("the answerability model needs one mean, scale and weight per feature");
        }
        if (rankShares == null || rankShares.length == 0) {
            throw new IllegalArgumentException("the answerability model needs rank shares: re-fit it (see README)");
        }
        mean = mean.clone();
        scale = scale.clone();
        weights = weights.clone();
        rankShares = rankShares.clone();
    }

    /** The share of answers found at this rank (from 1) of a kind's list; past the fitted ranks, none. */
    public double rankShare(int rank) {
        return rank >= 1 && rank <= rankShares.length ? rankShares[rank - 1] : 0;
    }

    /** A model that knows nothing: every answer is as likely right as wrong. Only until one is fitted. */
    static AnswerabilityModel uninformed() {
        int n = Features.NAMES.size();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return new AnswerabilityModel(Features.NAMES, new double[n], ones, new double[n], 0, new double[] {1}, -1);
    }

    public double probability(Features features) {
        double[] x = features.values();
        if (x[SIMILARITY] < similarityFloor) {
            return 0;
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
