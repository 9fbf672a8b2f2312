package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sofastack.qa.ingest.Passage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticQuestionsTest {

    private static final String ASKED = "SOFARPC 的超时时间在哪里配置";
    private static final List<String> OTHER_ASKERS = List.of("MOSN 热升级失败怎么办", "注册中心数据如何分片");

    private static Passage thread() {
        return Passage.community("t1", "zh", "t", "https://example.org/t", LocalDate.of(2024, 1, 1), ASKED,
                "在 reference 上设置 timeout 属性");
    }

    @Test
    void withoutMixingAThreadIsAskedInItsOwnWords() {
        SyntheticQuestions questions = new SyntheticQuestions(7, OTHER_ASKERS, new SyntheticQuestions.Mixing(0, 0, 0));

        for (int i = 0; i < 20; i++) {
            assertThat(questions.of(thread()).replace("，", "")).isEqualTo(ASKED);
        }
    }

    @Test
    void mixingSlipsOtherAskersWordsIn() {
        SyntheticQuestions questions = new SyntheticQuestions(7, OTHER_ASKERS, new SyntheticQuestions.Mixing(0, 1, 1));

        String question = questions.of(thread());

        assertThat(question).contains("SOFARPC").containsAnyOf("热升", "注册", "分片", "MOSN");
    }

    @Test
    void theSameSeedGivesTheSameQuestions() {
        SyntheticQuestions one = new SyntheticQuestions(7, OTHER_ASKERS, SyntheticQuestions.Mixing.DEFAULT);
        SyntheticQuestions other = new SyntheticQuestions(7, OTHER_ASKERS, SyntheticQuestions.Mixing.DEFAULT);

        for (int i = 0; i < 10; i++) {
            assertThat(one.of(thread())).isEqualTo(other.of(thread()));
        }
    }

    @Test
    void sharesOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new SyntheticQuestions.Mixing(1.5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> new SyntheticQuestions.Mixing(0, -0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
