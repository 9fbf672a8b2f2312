package io.sofastack.qa.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative clustering with average linkage over cosine similarity: every question starts alone,
 * and the two most similar groups merge while their mean pairwise similarity is at least the cut. It
 * needs no number of clusters, is deterministic, and a question unlike all others stays alone, which
 * is what a report of gaps wants (an outlier is a gap too).
 */
final class AverageLinkage {

    private AverageLinkage() {
    }

    /**
     * @param vectors unit vectors, so that a dot product is the cosine
     * @return the groups, each a list of indexes into {@code vectors}, larger first, then by first index
     */
    static List<List<Integer>> clusters(List<float[]> vectors, double cut) {
        int n = vectors.size();
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                similarity[i][j] = similarity[j][i] = dot(vectors.get(i), vectors.get(j));
            }
        }
        List<List<Integer>> members = new ArrayList<>();
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
            alive[i] = true;
        }
        int[] nearest = new int[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = nearest(i, similarity, alive);
        }
        while (true) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (alive[i] && nearest[i] >= 0 && (best < 0 || similarity[i][nearest[i]] > similarity[best][nearest[best]])) {
                    best = i;
                }
            }
            if (best < 0 || similarity[best][nearest[best]] < cut) {
                break;
            }
            int into = Math.min(best, nearest[best]);
            int gone = Math.max(best, nearest[best]);
            int sizeInto = members.get(into).size();
            int sizeGone = members.get(gone).size();
            // Lance–Williams for average linkage: the merged group's similarity to k is the size-weighted mean.
            for (int k = 0; k < n; k++) {
                if (alive[k] && k != into && k != gone) {
                    double merged = (similarity[into][k] * sizeInto + similarity[gone][k] * sizeGone) / (sizeInto + sizeGone);
                    similarity[into][k] = similarity[k][into] = merged;
                }
            }
            members.get(into).addAll(members.get(gone));
            alive[gone] = false;
            for (int k = 0; k < n; k++) {
                if (alive[k] && (k == into || nearest[k] == into || nearest[k] == gone)) {
                    nearest[k] = nearest(k, similarity, alive);
                } else if (alive[k] && nearest[k] >= 0 && similarity[k][into] > similarity[k][nearest[k]]) {
                    nearest[k] = into;
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                List<Integer> group = new ArrayList<>(members.get(i));
                group.sort(null);
                groups.add(group);
            }
        }
        groups.sort((a, b) -> a.size() != b.size() ? Integer.compare(b.size(), a.size()) : Integer.compare(a.get(0), b.get(0)));
        return groups;
    }

    private static int nearest(int i, double[][] similarity, boolean[] alive) {
        int nearest = -1;
        for (int k = 0; k < similarity.length; k++) {
            if (k != i && alive[k] && (nearest < 0 || similarity[i][k] > similarity[i][nearest])) {
                nearest = k;
            }
        }
        return nearest;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
