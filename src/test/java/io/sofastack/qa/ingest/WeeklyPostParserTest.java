package io.sofastack.qa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.QaThread.Turn;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeeklyPostParserTest {

    private final WeeklyPostParser parser = new WeeklyPostParser(new SiteUrls("https://www.sofastack.tech", "zh"),
            new ProductTagger());

    private List<QaThread> parse(String body) {
        return parser.parse("content/zh/blog/sofa-weekly-20220218/index.md",
                "---\ntitle: \"SOFA Weekly | 测试\"\ndate: 2022-02-18T15:00:00+08:00\n---\n\n### 每周读者问答提炼\n\n" + body);
    }

    @Test
    void readsTitleDateUrlAndAskerOfAThread() {
        List<QaThread> threads = parse("**@张三** 提问：\n\n> MOSN 支持 dubbo 吗？\n\nA：支持，见示例。\n");
        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.title()).isEqualTo("SOFA Weekly | 测试");
            assertThat(thread.date()).isEqualTo(LocalDate.of(2022, 2, 18));
            assertThat(thread.url()).isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
            assertThat(thread.path()).isEqualTo("content/zh/blog/sofa-weekly-20220218/index.md");
            assertThat(thread.asker()).isEqualTo("张三");
            assertThat(thread.number()).isEqualTo(1);
            assertThat(thread.question()).isEqualTo("MOSN 支持 dubbo 吗？");
            assertThat(thread.answerText()).isEqualTo("支持，见示例。");
            assertThat(thread.products()).contains("MOSN");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "**@张三** 提问：", "**1、@张三** 提问：", "1、@张三 提问：", "1.**@张三** 提问：", "**1. 张三** 提问：",
            "**@[张三](https://github.com/zhangsan)** 提问：", "**@张三** 提问:", "**@张三**", "**1. @张三 #2203**",
            "**2.@张三** **#956**", "1. @张三 #1061", "@张三 提问：", "**1、@张三 提问：**", "**2. 张三 提问**"})
    void recognisesEveryThreadHeaderVariant(String header) {
        List<QaThread> threads = parse(header + "\n\n> 这个怎么配置？\n\nA：这样配置。\n");
        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.question()).isEqualTo("这个怎么配置？");
            assertThat(thread.asker()).isEqualTo("张三");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"A：答案。", "A:答案。", "A ：答案。", " A：答案。", "A：A：答案。", "**A：** 答案。", "> A：答案。"})
    void recognisesEveryAnswerMarker(String answer) {
        List<QaThread> threads = parse("**@张三** 提问：\n\n> 问题？\n\n" + answer + "\n");
        assertThat(threads).singleElement().extracting(QaThread::answerText).isEqualTo("答案。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"> 问题？", "> > 问题？", ">> 问题？", "问题？", ">问题？"})
    void recognisesEveryQuestionQuoting(String question) {
        List<QaThread> threads = parse("**@张三** 提问：\n\n" + question + "\n\nA：答案。\n");
        assertThat(threads).singleElement().extracting(QaThread::question).isEqualTo("问题？");
    }

    @Test
    void keepsFollowUpsInOrder() {
        List<QaThread> threads = parse("""
                **@张三** 提问：

                > 第一个问题？

                A：第一个回答。

                > 追问？

                A：第二个回答。
                补充一行。
                """);
        assertThat(threads).singleElement().extracting(QaThread::turns).isEqualTo(List.of(
                new Turn(Turn.Kind.QUESTION, "第一个问题？"),
                new Turn(Turn.Kind.ANSWER, "第一个回答。"),
                new Turn(Turn.Kind.QUESTION, "追问？"),
                new Turn(Turn.Kind.ANSWER, "第二个回答。\n补充一行。")));
    }

    @Test
    void boldQuestionLineContinuesTheThread() {
        List<QaThread> threads = parse("**@张三** 提问：\n\n> 问题？\n\nA：回答。\n\n**那集群模式下呢？**\n\nA：也一样。\n");
        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.turns()).hasSize(4);
            assertThat(thread.turns().get(2).text()).isEqualTo("那集群模式下呢？");
        });
    }

    @Test
    void topicHeaderOpensAThreadOfItsOwn() {
        List<QaThread> threads = parse("**2、关于 Seata 的 grouplist 问题：**\n\n> 什么时候用 default.grouplist？\n\nA：file 模式。\n");
        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.question()).isEqualTo("什么时候用 default.grouplist？");
            assertThat(thread.asker()).isEmpty();
        });
    }

    @Test
    void topicHeaderThatOnlyGroupsThreadsAddsNone() {
        List<QaThread> threads = parse("**1、关于 SOFAJRaft 的提问：**\n\n**@张三** 提问：\n\n> 问题一？\n\nA：回答一。\n\n"
                + "**@李四** 提问：\n\n> 问题二？\n\nA：回答二。\n");
        assertThat(threads).extracting(QaThread::asker).containsExactly("张三", "李四");
        assertThat(threads).extracting(QaThread::number).containsExactly(1, 2);
    }

    @Test
    void sectionEndsAtHeadingOrBoldOnlyLine() {
        List<QaThread> threads = parse("**@张三** 提问：\n\n> 问题？\n\nA：回答。\n\n**本周推荐阅读**\n\n- 一篇文章\n\n"
                + "### 本周发布\n\n**1、发布 Seata v0.8.0 版本，主要变更如下：**\n\n- 支持 oracle\n");
        assertThat(threads).singleElement().extracting(QaThread::answerText).isEqualTo("回答。");
    }

    @Test
    void breakTagsAreLineBreaks() {
        List<QaThread> threads = parse("**@张三** 提问：<br/>> 问题？<br/>A：回答。<br/>");
        assertThat(threads).singleElement().satisfies(thread -> {
            assertThat(thread.question()).isEqualTo("问题？");
            assertThat(thread.answerText()).isEqualTo("回答。");
        });
    }

    @Test
    void codeBlocksAreAnswerTextNotHeaders() {
        List<QaThread> threads = parse("**@张三** 提问：\n\n> 注解怎么写？\n\nA：这样：\n\n```java\n@Override\n**@张三**\n```\n");
        assertThat(threads).singleElement().extracting(QaThread::answerText).asString().contains("@Override");
    }

    @Test
    void answerWithoutMarkerAfterQuotedQuestionIsStillTheAnswer() {
        List<QaThread> threads = parse("**@张三** 提问：\n\n> 问题？\n\n可以的，直接配置即可。\n");
        assertThat(threads).singleElement().extracting(QaThread::answerText).isEqualTo("可以的，直接配置即可。");
    }

    @Test
    void postsWithoutQaGiveNoThreads() {
        assertThat(parser.parse("content/zh/projects/mosn/overview.md", "---\ntitle: MOSN\n---\n\n# 概述\n\nMOSN 是一个网络代理。\n"))
                .isEmpty();
        assertThat(parser.parse("x.md", "")).isEmpty();
        assertThat(parse("**@张三** 提问：\n\n> 只有问题没有回答？\n")).isEmpty();
    }

    @Test
    void frontMatterUrlOverridesTheDerivedOne() {
        List<QaThread> threads = parser.parse("weekly/sample.md",
                "---\ntitle: 样例\ndate: 2022-02-18\nurl: \"https://www.sofastack.tech/blog/sofa-weekly-20220218/\"\n---\n"
                        + "**@张三** 提问：\n\n> 问题？\n\nA：回答。\n");
        assertThat(threads).singleElement().extracting(QaThread::url)
                .isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
    }

    @Test
    void idsAreStableAndDistinct() {
        String body = "**@张三** 提问：\n\n> 问题一？\n\nA：回答一。\n\n**@李四** 提问：\n\n> 问题二？\n\nA：回答二。\n";
        List<QaThread> first = parse(body);
        List<QaThread> again = parse(body);
        assertThat(first).extracting(QaThread::id).doesNotHaveDuplicates().isEqualTo(again.stream().map(QaThread::id).toList());
    }

    @Test
    void derivesSiteUrlsForEveryLayout() {
        SiteUrls urls = new SiteUrls("https://www.sofastack.tech/", "zh");
        assertThat(urls.postUrl("content/zh/blog/sofa-weekly/20220923/index.md"))
                .isEqualTo("https://www.sofastack.tech/blog/sofa-weekly/20220923/");
        assertThat(urls.postUrl("content/en/blog/hello-sofastack/index.md"))
                .isEqualTo("https://www.sofastack.tech/en/blog/hello-sofastack/");
    }
}
