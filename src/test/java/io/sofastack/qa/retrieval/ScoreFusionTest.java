package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.sofastack.qa.index.PassageSearcher.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fusion of the BM25 and the vector ranking by score: BM25 as a share of the best, plus weighted cosine. */
class ScoreFusionTest {

    private final ScoreFusion fusion = new ScoreFusion(3.0, 0.0);

    /** Lucene's DOT_PRODUCT score of a cosine, as the vector hits carry it. */
    private static float scored(double cosine) {
        return (float) ((1 + cosine) / 2);
    }

    @Test
    void aCloseSecondUnderBm25OvertakesTheFirstWhenItIsMuchNearerTheQuestion() {
        // Reciprocal ranks put document 1 first: first under BM25, against second and nearest of all.
        List<Hit> lexical = List.of(new Hit(1, 10f), new Hit(2, 9.5f));
        float[] similarities = {scored(0.55), scored(0.75)};
        List<Hit> vectors = List.of(new Hit(2, scored(0.75)), new Hit(3, scored(0.70)));

        List<Candidate> fused = fusion.fuse(lexical, similarities, vectors, false);

        assertThat(fused).extracting(Candidate::doc).containsExactly(2, 1, 3);
        assertThat(fused.get(0).score()).isCloseTo(0.95 + 3 * 0.75, within(1e-6));
        assertThat(fused.get(0)).extracting(Candidate::lexicalRank, Candidate::vectorRank).containsExactly(2, 1);
    }

    @Test
    void anEnglishQuestionWeighsSimilarityByItsOwnWeight() {
        List<Hit> lexical = List.of(new Hit(1, 10f), new Hit(2, 9.5f));
        float[] similarities = {scored(0.55), scored(0.75)};

        List<Candidate> fused = fusion.fuse(lexical, similarities, List.of(new Hit(2, scored(0.75))), true);

        assertThat(fused).extracting(Candidate::doc).containsExactly(1, 2);
        assertThat(fused.get(1).similarity()).isCloseTo(0.75, within(1e-6));
        assertThat(fusion.score(9.5, 10, 0.75, true)).isCloseTo(0.95, within(1e-9));
        assertThat(fusion.score(9.5, 10, 0.75, false)).isCloseTo(0.95 + 3 * 0.75, within(1e-9));
    }

    @Test
    void aFarBetterBm25MatchIsNotOvertakenByASlightlyNearerOne() {
        List<Hit> lexical = List.of(new Hit(1, 20f), new Hit(2, 5f));
        float[] similarities = {scored(0.60), scored(0.65)};

        List<Candidate> fused = fusion.fuse(lexical, similarities, List.of(), false);

        assertThat(fused).extracting(Candidate::doc).containsExactly(1, 2);
    }

    @Test
    void aBm25HitOutsideTheNeighboursKeepsItsOwnSimilarity() {
        List<Candidate> fused = fusion.fuse(List.of(new Hit(7, 3f)), new float[] {scored(0.4)}, List.of(new Hit(1, scored(0.9))), false);

        Candidate outside = fused.stream().filter(candidate -> candidate.doc() == 7).findFirst().orElseThrow();
        assertThat(outside.vectorRank()).isZero();
        assertThat(outside.similarity()).isCloseTo(0.4, within(1e-6));
    }

    @Test
    void withoutAnEmbeddingBm25sOrderStands() {
        List<Candidate> fused = fusion.fuse(List.of(new Hit(4, 2f), new Hit(5, 1f)), null, List.of(), false);

        assertThat(fused).extracting(Candidate::doc).containsExactly(4, 5);
        assertThat(fused).extracting(Candidate::similarity).containsOnly(0.0);
    }

    @Test
    void refusesSimilaritiesThatDoNotMatchTheHits() {
        assertThatIllegalArgumentException().isThrownBy(() -> fusion.fuse(List.of(new Hit(1, 1f)), new float[0], List.of(), false));
    }
}
