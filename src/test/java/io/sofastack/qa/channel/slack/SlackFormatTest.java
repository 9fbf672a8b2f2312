package io.sofastack.qa.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerMode;
import io.sofastack.qa.answer.Source;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackFormatTest {

    @Test
    void turnsMarkdownIntoMrkdwn() {
        assertThat(SlackFormat.mrkdwn("**注意** 见 [示例](https://github.com/mosn/mosn) & a<b"))
                .isEqualTo("*注意* 见 <https://github.com/mosn/mosn|示例> &amp; a&lt;b");
        assertThat(SlackFormat.mrkdwn("### 标题")).isEqualTo("*标题*");
    }

    @Test
    void stripsMentionsFromTheQuestion() {
        assertThat(SlackFormat.question("<@U0LAN0Z89> how do I  reset <@U1|bot>?")).isEqualTo("how do I reset ?");
    }

    @Test
    void listsSourcesAsLinksUnderTheAnswer() {
        Answer answer = new Answer("答案。", true, AnswerMode.EXTRACTIVE, List.of(new Source("1", "qa", "p.md",
                "https://www.sofastack.tech/blog/sofa-weekly-20220218/", "SOFA Weekly | <QA>", LocalDate.of(2022, 2, 18), "q", null, 0.9)), 0.9);
        assertThat(new SlackFormat(3900).message(answer)).isEqualTo(
                "答案。\n\n*Sources*\n• <https://www.sofastack.tech/blog/sofa-weekly-20220218/|SOFA Weekly / &lt;QA&gt; (2022-02-18)>");
    }

    @Test
    void trimsLongAnswersButKeepsTheSources() {
        Answer answer = new Answer("长".repeat(10_000), true, AnswerMode.EXTRACTIVE,
                List.of(new Source("1", "qa", "p.md", "https://x/", "t", null, "q", null, 0.9)), 0.9);
        String message = new SlackFormat(500).message(answer);
        assertThat(message.length()).isLessThanOrEqualTo(500);
        assertThat(message).endsWith("• <https://x/|t>");
    }
}
