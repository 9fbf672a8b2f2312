package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a judged entry compares with the first entries of the other kinds. */
class CrossKindFeaturesTest {

    private final AnswerabilityFeatures features = new AnswerabilityFeatures(new Terms(), BilingualLexicon.empty(),
            new RankFusion(1.0, 0.5, 60), new PassageTermsCache(0));

    @Test
    void anEntryIsComparedWithTheBestOfTheOtherKinds() {
        double[] withinKind = new double[Features.NAMES.size() - 2];

        Features found = features.of(withinKind, 0.80, 10.0, List.of(new double[] {0.70, 5.0}, new double[] {0.75, 2.0}));

        assertThat(found.value("crossSimilarity")).isCloseTo(0.05, within(1e-9));
        assertThat(found.value("crossLexical")).isCloseTo(Math.log(11) - Math.log(6), within(1e-9));
    }

    @Test
    void aloneItIsNeitherAheadNorBehind() {
        Features found = features.of(new double[Features.NAMES.size() - 2], 0.80, 10.0, List.of());

        assertThat(found.value("crossSimilarity")).isZero();
        assertThat(found.value("crossLexical")).isZero();
    }
}
