package io.sofastack.qa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a docs page or article becomes sections a reader can land on. */
class DocPageParserTest {

    private final DocPageParser parser = new DocPageParser(new SiteUrls("https://www.sofastack.tech", "zh"),
            new ProductTagger(), 300);

    private static final String PAGE = """
            ---
            title: "Bolt 协议调用方式"
            aliases: "/sofa-rpc/docs/Invoke-Type"
            ---
            <!-- 内部备注，不应出现 -->
            SOFARPC 在 Bolt 协议下提供多种调用方式。{{< figure src="x.png" >}}

            ## 调用方式

            ### 单向

            单向调用不关心返回，超时设置不起作用。

            ```xml
            # 这不是标题

            <sofa:global-attrs type="oneway"/>
            ```

            ### `Future` 方式 {#future-call}

            用 `RpcInvokeContext` 取结果。

            ### 单向
            第二个同名标题。
            """;

    @Test
    void splitsByHeadingsWithTheHeadingPathAndHugoAnchors() {
        List<Passage> sections = parser.parse("content/zh/projects/sofa-rpc/invoke-type/index.md", PAGE, Passage.Kind.DOC);

        assertThat(sections).extracting(Passage::section)
                .containsExactly("", "调用方式 > 单向", "调用方式 > Future 方式", "调用方式 > 单向");
        assertThat(sections).extracting(Passage::url).containsExactly(
                "https://www.sofastack.tech/projects/sofa-rpc/invoke-type/",
                "https://www.sofastack.tech/projects/sofa-rpc/invoke-type/#单向",
                "https://www.sofastack.tech/projects/sofa-rpc/invoke-type/#future-call",
                "https://www.sofastack.tech/projects/sofa-rpc/invoke-type/#单向-1");
        assertThat(sections).allSatisfy(section -> {
            assertThat(section.title()).isEqualTo("Bolt 协议调用方式");
            assertThat(section.kind()).isEqualTo(Passage.Kind.DOC);
            assertThat(section.language()).isEqualTo("zh");
            assertThat(section.pageKey()).isEqualTo("projects/sofa-rpc/invoke-type/index.md");
            assertThat(section.products()).contains("SOFARPC");
        });
    }

    @Test
    void keepsCodeBlocksWholeAndLeavesOutFrontMatterCommentsAndShortcodes() {
        List<Passage> sections = parser.parse("content/zh/projects/sofa-rpc/invoke-type/index.md", PAGE, Passage.Kind.DOC);

        assertThat(sections.get(1).text()).contains("# 这不是标题").contains("<sofa:global-attrs type=\"oneway\"/>");
        assertThat(sections).allSatisfy(section -> assertThat(section.text())
                .doesNotContain("aliases").doesNotContain("内部备注").doesNotContain("{{<").doesNotContain("figure"));
    }

    @Test
    void readsFrontMatterAfterBlankLinesAsHugoDoes() {
        String page = "\n\r\n" + PAGE.replace("\n", "\r\n");

        List<Passage> sections = parser.parse("content/en/projects/sofa-rpc/invoke-type/index.md", page, Passage.Kind.DOC);

        assertThat(sections).extracting(Passage::title).containsOnly("Bolt 协议调用方式");
        assertThat(sections).allSatisfy(section -> assertThat(section.text())
                .doesNotContain("aliases").doesNotContain("---").doesNotContain("\r"));
    }

    @Test
    void aRuleInTheTextIsNotFrontMatter() {
        String page = "Intro text.\n\n---\ntitle: not a title\n---\n\n## Part\n\nBody.\n";

        List<Passage> sections = parser.parse("content/en/projects/x/index.md", page, Passage.Kind.DOC);

        assertThat(sections).extracting(Passage::title).containsOnly("");
        assertThat(sections.get(0).text()).contains("title: not a title");
    }

    @Test
    void cutsALongSectionBetweenBlocksNeverInsideOne() {
        String code = "```\n" + "x = 1\n".repeat(80) + "```";
        String page = "## 长章节\n\n" + "第一段。".repeat(30) + "\n\n" + code + "\n\n" + "最后一段。".repeat(30) + "\n";

        List<Passage> sections = parser.parse("content/zh/projects/x/index.md", page, Passage.Kind.DOC);

        assertThat(sections).hasSize(3).allSatisfy(section -> assertThat(section.section()).isEqualTo("长章节"));
        assertThat(sections.get(1).text()).isEqualTo(code);
        assertThat(sections).extracting(Passage::id).doesNotHaveDuplicates();
    }

    @Test
    void anEnglishPageSharesItsPageKeyWithItsChineseTwinAndLivesUnderEn() {
        List<Passage> sections = parser.parse("content/en/projects/sofa-rpc/invoke-type/index.md",
                "---\ntitle: Calling type\n---\n### Oneway\n\nThe reply is ignored.\n", Passage.Kind.DOC);

        assertThat(sections).singleElement().satisfies(section -> {
            assertThat(section.language()).isEqualTo("en");
            assertThat(section.pageKey()).isEqualTo("projects/sofa-rpc/invoke-type/index.md");
            assertThat(section.url()).isEqualTo("https://www.sofastack.tech/en/projects/sofa-rpc/invoke-type/#oneway");
        });
    }

    @Test
    void aPageWithoutTextOfItsOwnIsKnownByItsDescription() {
        List<Passage> landing = parser.parse("content/zh/projects/occlum/_index.md",
                "---\ntitle: \"Occlum\"\ndescription: \"Occlum 是一个支持多进程的 library OS。\"\nweight: 2\n---\n", Passage.Kind.DOC);
        assertThat(landing).singleElement().satisfies(section -> {
            assertThat(section.text()).isEqualTo("Occlum 是一个支持多进程的 library OS。");
            assertThat(section.section()).isEmpty();
            assertThat(section.url()).isEqualTo("https://www.sofastack.tech/projects/occlum/");
        });

        List<Passage> headed = parser.parse("content/zh/projects/x/index.md",
                "---\ntitle: X\ndescription: 一句话介绍\n---\n## 安装\n\n装上即可。\n", Passage.Kind.DOC);
        assertThat(headed).extracting(Passage::text).containsExactly("装上即可。");
        assertThat(parser.parse("content/zh/projects/x/_index.md", "---\ntitle: X\n---\n", Passage.Kind.DOC)).isEmpty();
    }

    @Test
    void anchorsFollowHugosRules() {
        HeadingAnchors anchors = new HeadingAnchors();
        assertThat(anchors.next("Prepare DB data - multi column", null)).isEqualTo("prepare-db-data---multi-column");
        assertThat(anchors.next("SOFARPC 的 XML 方式！", null)).isEqualTo("sofarpc-的-xml-方式");
        assertThat(anchors.next("SOFARPC 的 XML 方式！", null)).isEqualTo("sofarpc-的-xml-方式-1");
        assertThat(anchors.next("whatever", "knownusers")).isEqualTo("knownusers");
    }
}
