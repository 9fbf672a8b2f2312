package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.PassageSearcher.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reciprocal-rank fusion of the BM25 and vector rankings. */
class RankFusionTest {

    private final RankFusion fusion = new RankFusion(1.0, 1.0, 60);

    @Test
    void aDocumentBothRankingsPlaceFirstBeatsOneOnlyARankingFinds() {
        List<Candidate> fused = fusion.fuse(List.of(new Hit(1, 12f), new Hit(2, 11f)), List.of(new Hit(1, 0.9f), new Hit(3, 0.8f)));

        assertThat(fused).extracting(Candidate::doc).containsExactly(1, 2, 3);
        assertThat(fused.get(0).score()).isEqualTo(fusion.best());
        assertThat(fused.get(0)).extracting(Candidate::lexicalRank, Candidate::vectorRank).containsExactly(1, 1);
    }

    @Test
    void usesRanksNeverRawScores() {
        // A BM25 score of 1000 is no stronger than one of 1: only the order counts.
        List<Candidate> small = fusion.fuse(List.of(new Hit(1, 1f)), List.of(new Hit(2, 0.99f)));
        List<Candidate> large = fusion.fuse(List.of(new Hit(1, 1000f)), List.of(new Hit(2, 0.99f)));
        assertThat(small.get(0).score()).isEqualTo(large.get(0).score());
    }

    @Test
    void givesADocumentOutsideTheNeighboursTheLastNeighboursSimilarity() {
        List<Candidate> fused = fusion.fuse(List.of(new Hit(7, 3f)), List.of(new Hit(1, 0.9f), new Hit(2, 0.75f)));
        Candidate outside = fused.stream().filter(candidate -> candidate.doc() == 7).findFirst().orElseThrow();
        assertThat(outside.vectorRank()).isZero();
        assertThat(outside.similarity()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    }
}
