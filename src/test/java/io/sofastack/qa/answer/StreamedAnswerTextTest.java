package io.sofastack.qa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What of an LLM answer being written is shown at once, what is held back, and what never appears. */
class StreamedAnswerTextTest {

    private final List<String> shown = new ArrayList<>();
    private final StreamedAnswerText text = new StreamedAnswerText(2, shown::add);

    @Test
    void piecesPassOnAsTheyComeWithoutLeadingBlanks() {
        text.accept("\n 不正常");
        text.accept("，少数派");
        assertThat(shown).containsExactly("不正常", "，少数派");
    }

    @Test
    void aCitationIsHeldBackUntilItsBracketClosesAndOneOfASourceNotGivenIsDropped() {
        text.accept("多数派仍在 [");
        assertThat(String.join("", shown)).isEqualTo("多数派仍在 ");
        text.accept("1]，但 [7");
        text.accept("] 不算。");
        text.finish(true);
        assertThat(text.shown()).isEqualTo("多数派仍在 [1]，但  不算。");
    }

    @Test
    void aBracketThatIsNoCitationIsNotHeldForever() {
        text.accept("数组 [a, b, c, d");
        assertThat(text.shown()).isEqualTo("数组 [a, b, c, d");
    }

    @Test
    void theNoAnswerMarkerIsNeverShown() {
        text.accept("NO_");
        text.accept("ANSWER");
        text.finish(false);
        assertThat(shown).isEmpty();
        assertThat(text.shown()).isEmpty();
    }

    @Test
    void anAnswerThatOnlyBeginsLikeTheMarkerIsShownOnceItDiffers() {
        text.accept("NO");
        assertThat(shown).isEmpty();
        text.accept("DE 节点 [2]");
        assertThat(text.shown()).isEqualTo("NODE 节点 [2]");
    }

    @Test
    void nothingArrivesAfterTheEnd() {
        text.accept("好 [1]");
        text.finish(true);
        text.accept("迟到的");
        assertThat(text.shown()).isEqualTo("好 [1]");
    }
}
