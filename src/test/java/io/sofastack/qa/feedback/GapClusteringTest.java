package io.sofastack.qa.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the gap report that need no model: how groups form, and what names them. */
class GapClusteringTest {

    private static float[] unit(double... values) {
        double norm = Math.sqrt(java.util.Arrays.stream(values).map(v -> v * v).sum());
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = (float) (values[i] / norm);
        }
        return vector;
    }

    @Test
    void similarQuestionsMergeWhileTheirMeanSimilarityHoldsAndAnOutlierStaysAlone() {
        List<float[]> vectors = List.of(unit(1, 0.1, 0), unit(1, 0, 0.1), unit(0.1, 1, 0), unit(1, 0.05, 0.05), unit(0, 0.1, 1),
                unit(0.05, 1, 0.1));

        List<List<Integer>> clusters = AverageLinkage.clusters(vectors, 0.9);

        assertThat(clusters).containsExactly(List.of(0, 1, 3), List.of(2, 5), List.of(4));
        assertThat(AverageLinkage.clusters(vectors, 0.0)).as("a cut of 0 merges everything whose mean similarity is positive")
                .hasSize(1);
        assertThat(AverageLinkage.clusters(vectors, 1.01)).as("above 1 nothing merges").hasSize(6);
    }

    @Test
    void aClusterIsNamedByWhatSetsItApartAndTheLongestTermThatCoversIt() {
        List<String> registry = List.of("注册中心怎么做高可用？", "注册中心数据丢了怎么办", "注册中心支持多机房吗？");
        List<String> mosn = List.of("MOSN 怎么接入 istio？", "MOSN 和 istio 的版本对应关系");
        List<String> all = new java.util.ArrayList<>(registry);
        all.addAll(mosn);
        all.add("SOFABoot 怎么升级？");
        TopicTerms terms = new TopicTerms(all);

        assertThat(terms.top(registry, 3)).first().isEqualTo("注册中心");
        assertThat(terms.top(mosn, 2)).containsExactlyInAnyOrder("mosn", "istio");
    }

    @Test
    void termsAreLatinWordsAndChineseRunsWithoutParticlesAtTheirEdges() {
        assertThat(TopicTerms.terms("How does SOFAJRaft elect a leader?")).contains("sofajraft", "elect", "leader")
                .doesNotContain("how", "does", "a");
        assertThat(TopicTerms.terms("怎么配置限流")).contains("配置", "限流", "配置限流").doesNotContain("怎么", "么配");
    }
}
