package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rank-agreement feature: reciprocal-rank fusion of where the two rankings put a document. */
class RankFusionTest {

    private final RankFusion agreement = new RankFusion(1.0, 0.5, 60);

    @Test
    void firstUnderBothRankingsIsTheBestThereIs() {
        assertThat(agreement.score(1, 1)).isEqualTo(agreement.best());
        assertThat(agreement.best()).isEqualTo(1.5 / 61);
    }

    @Test
    void eachRankingCountsByItsWeightAndRankAndNotAtAllWhenItMissedTheDocument() {
        assertThat(agreement.score(2, 0)).isEqualTo(1.0 / 62);
        assertThat(agreement.score(0, 2)).isEqualTo(0.5 / 62);
        assertThat(agreement.score(0, 0)).isZero();
        assertThat(agreement.score(1, 10)).isGreaterThan(agreement.score(1, 20)).isLessThan(agreement.best());
    }
}
