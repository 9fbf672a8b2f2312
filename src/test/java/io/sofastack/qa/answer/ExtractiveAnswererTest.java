package io.sofastack.qa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.Passage;
import io.sofastack.qa.ingest.QaThread;
import io.sofastack.qa.ingest.QaThread.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    private static Passage thread(Turn... turns) {
        return Passage.of(new QaThread("id-1", "weekly/a.md", "标题", null, "https://example.org/", "", 1, turns[0].text(),
                List.of(turns), List.of()), "zh", "weekly/a.md");
    }

    private static Passage section(String heading, String text) {
        return new Passage("s-1", Passage.Kind.DOC, "content/zh/projects/sofa-rpc/invoke-type/index.md", "zh",
                "projects/sofa-rpc/invoke-type/index.md", "调用方式", "https://www.sofastack.tech/projects/sofa-rpc/invoke-type/#单向",
                null, heading, "", text, List.of(), List.of("SOFARPC"));
    }

    @Test
    void quotesTheBlockOfASectionThatAnswersWithItsLink() {
        Passage section = section("调用方式 > 单向", "SOFARPC 提供多种调用方式。\n\n单向调用不等待返回，超时设置不起作用。\n\n```xml\n<x/>\n```");

        String answer = new ExtractiveAnswerer(800).answer(section, "单向调用的超时还有用吗", Language.CHINESE);

        assertThat(answer).startsWith("单向调用不等待返回，超时设置不起作用。")
                .endsWith("出自 [调用方式 › 调用方式 > 单向](https://www.sofastack.tech/projects/sofa-rpc/invoke-type/#单向)");
    }

    @Test
    void aPageWithoutATitleIsCitedByItsHeadingOrItsAddressNeverByAnEmptyLink() {
        Passage untitled = new Passage("s-2", Passage.Kind.DOC, "content/en/projects/x/index.md", "en", "projects/x/index.md", "",
                "https://www.sofastack.tech/en/projects/x/#retry", null, "Retry", "", "Retries are off by default.", List.of(), List.of());
        Passage bare = new Passage("s-3", Passage.Kind.DOC, "content/en/projects/y/index.md", "en", "projects/y/index.md", "",
                "https://www.sofastack.tech/en/projects/y/", null, "", "", "Retries are off by default.", List.of(), List.of());

        ExtractiveAnswerer answerer = new ExtractiveAnswerer(800);

        assertThat(answerer.answer(untitled, "retries?", Language.ENGLISH))
                .endsWith("From [Retry](https://www.sofastack.tech/en/projects/x/#retry)");
        assertThat(answerer.answer(bare, "retries?", Language.ENGLISH))
                .endsWith("From [https://www.sofastack.tech/en/projects/y/](https://www.sofastack.tech/en/projects/y/)");
    }

    @Test
    void keepsMarkupInsideCodeBlocks() {
        assertThat(ExtractiveAnswerer.clean("设置 <b>type</b>：\n\n```xml\n<sofa:global-attrs type=\"oneway\"/>\n```"))
                .isEqualTo("设置 type：\n\n```xml\n<sofa:global-attrs type=\"oneway\"/>\n```");
    }

    @Test
    void dropsImagesKeepsLinksAndLabelsFollowUps() {
        Passage thread = thread(new Turn(Turn.Kind.QUESTION, "问题？"),
                new Turn(Turn.Kind.ANSWER, "看这个例子 ![图](https://img/x.png)：[dubbo examples](https://github.com/mosn/mosn)"),
                new Turn(Turn.Kind.QUESTION, "追问一下？"),
                new Turn(Turn.Kind.ANSWER, "可以。<br/>"));

        String answer = new ExtractiveAnswerer(800).answer(thread, "问题？", Language.CHINESE);

        assertThat(answer).isEqualTo("看这个例子 ：[dubbo examples](https://github.com/mosn/mosn)\n\n追问：追问一下？\n\n答：可以。");
    }

    @Test
    void labelsFollowUpsInEnglishForEnglishQuestions() {
        Passage thread = thread(new Turn(Turn.Kind.QUESTION, "Q?"), new Turn(Turn.Kind.ANSWER, "A1"),
                new Turn(Turn.Kind.QUESTION, "Q2?"), new Turn(Turn.Kind.ANSWER, "A2"));
        assertThat(new ExtractiveAnswerer(800).answer(thread, "问题？", Language.ENGLISH))
                .isEqualTo("A1\n\nFollow-up: Q2?\n\nAnswer: A2");
    }

    @Test
    void trimsAtASentenceBoundary() {
        String first = "第一句话".repeat(20) + "。";
        String text = first + "第二句话很长很长".repeat(20) + "。";
        assertThat(new ExtractiveAnswerer(120).trim(text)).isEqualTo(first + " …");
        assertThat(new ExtractiveAnswerer(1000).trim(text)).isEqualTo(text);
    }

    @Test
    void closesACodeBlockCutInTheMiddle() {
        String text = "这样配置：\n```yaml\n" + "key: value\n".repeat(50) + "```\n";
        String trimmed = new ExtractiveAnswerer(200).trim(text);
        assertThat(trimmed.split("```", -1)).hasSize(3);
    }

    @Test
    void detectsTheQuestionsLanguage() {
        assertThat(Language.of("MOSN 支持 dubbo 吗？")).isEqualTo(Language.CHINESE);
        assertThat(Language.of("Does MOSN support dubbo on Kubernetes?")).isEqualTo(Language.ENGLISH);
    }
}
