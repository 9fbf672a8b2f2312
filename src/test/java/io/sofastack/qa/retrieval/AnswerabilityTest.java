package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sofastack.qa.ingest.Passage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The answerability model, how it is fitted, and how an answer is chosen from its judgements. */
class AnswerabilityTest {

    private static double[] features(double similarity) {
        double[] values = new double[Features.NAMES.size()];
        values[Features.NAMES.indexOf("similarity")] = similarity;
        return values;
    }

    @Test
    void fittingLearnsThatMoreSimilarPassagesAnswerMoreOften() {
        Random random = new Random(1);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double similarity = random.nextDouble();
            rows.add(features(similarity));
            labels.add(random.nextDouble() < similarity);
        }
        AnswerabilityModel model = LogisticRegression.fit(rows, labels, new double[] {0.8, 0.1});

        double low = model.probability(new Features(features(0.1)));
        double high = model.probability(new Features(features(0.9)));
        assertThat(low).isLessThan(0.3);
        assertThat(high).isGreaterThan(0.7);
        // Calibrated on its own data: about as many right answers predicted as there are.
        double predicted = rows.stream().mapToDouble(row -> model.probability(new Features(row))).sum();
        long right = labels.stream().filter(Boolean::booleanValue).count();
        assertThat(predicted).isCloseTo(right, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void aPassageLessLikeTheQuestionThanAlmostEveryRightAnswerOfTheFittingDataAnswersNothing() {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(features(0.5 + i / 2000.0)); // right answers from 0.5 to 1.0
            labels.add(true);
            rows.add(features(0.3 + i / 2000.0)); // wrong ones from 0.3 to 0.8
            labels.add(false);
        }
        AnswerabilityModel model = LogisticRegression.fit(rows, labels, new double[] {1});

        assertThat(model.similarityFloor()).isCloseTo(0.505, org.assertj.core.data.Offset.offset(0.001));
        assertThat(model.probability(new Features(features(0.49)))).isZero();
        assertThat(model.probability(new Features(features(0.51)))).isPositive();
        assertThat(LogisticRegression.similarityFloor(List.of(features(0.9)), List.of(false))).isEqualTo(-1);
    }

    @Test
    void aModelFittedOnOtherFeaturesIsRefusedWithAWayOut() {
        double[] zeros = new double[2];
        assertThatThrownBy(() -> new AnswerabilityModel(List.of("a", "b"), zeros, zeros, zeros, 0, new double[] {1}, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("re-fit");
    }

    @Test
    void anEntryPastTheFittedRanksIsWorthNothing() {
        AnswerabilityModel model = LogisticRegression.fit(List.of(features(0.1), features(0.9)), List.of(false, true),
                new double[] {0.8, 0.1});
        assertThat(model.rankShare(1)).isEqualTo(0.8);
        assertThat(model.rankShare(2)).isEqualTo(0.1);
        assertThat(model.rankShare(3)).isZero();
        assertThat(model.rankShare(0)).isZero();
    }

    @Test
    void anUninformedModelIsUndecided() {
        assertThat(AnswerabilityModel.uninformed().probability(new Features(features(0.9)))).isEqualTo(0.5);
    }

    @Test
    void theThreadOrDocsSectionThatScoresHigherUnderTheSharedQueryLeads() {
        var thread = new AnswerChoice.Judged<>("thread", Passage.Kind.QA, 0.4, -0.3);
        var doc = new AnswerChoice.Judged<>("doc", Passage.Kind.DOC, 0.2, 0.3);
        var article = new AnswerChoice.Judged<>("article", Passage.Kind.ARTICLE, 0.95, 0.8);

        assertThat(AnswerChoice.choose(List.of(article, doc, thread)).entry())
                .as("the docs section scores higher than the thread; a sure article does not answer").isEqualTo("doc");
        assertThat(AnswerChoice.choose(List.of(article, thread)).entry()).isEqualTo("thread");
        assertThat(AnswerChoice.choose(List.of(article)).entry()).as("nothing but an article").isEqualTo("article");
        assertThat(AnswerChoice.choose(List.<AnswerChoice.Judged<String>>of())).isNull();
    }

    @Test
    void theLeadingKindAndTheOtherAlternateThenArticlesTakeEveryThirdPlace() {
        Map<Passage.Kind, List<String>> byKind = Map.of(
                Passage.Kind.DOC, List.of("d1", "d2", "d3", "d4", "d5"),
                Passage.Kind.QA, List.of("q1", "q2"),
                Passage.Kind.ARTICLE, List.of("a1", "a2"));

        assertThat(AnswerChoice.order(Passage.Kind.DOC, byKind))
                .containsExactly("d1", "q1", "d2", "q2", "d3", "a1", "d4", "d5", "a2");
        assertThat(AnswerChoice.order(Passage.Kind.ARTICLE, Map.of(Passage.Kind.ARTICLE, List.of("a1", "a2"))))
                .containsExactly("a1", "a2");
    }

    @Test
    void featuresKeepTheirOrderAndNames() {
        double[] values = features(0.7);
        Features features = new Features(values);
        values[0] = 42;
        assertThat(features.value("similarity")).isEqualTo(0.7);
        assertThat(features.values()[0]).isZero();
        assertThat(Arrays.stream(features.values()).count()).isEqualTo(Features.NAMES.size());
        assertThatThrownBy(() -> new Features(new double[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
