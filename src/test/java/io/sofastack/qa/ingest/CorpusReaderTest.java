package io.sofastack.qa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.IngestReport.SkipReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

    private static final String POST = "---\ntitle: 样例\ndate: 2022-02-18\n---\n**@张三** 提问：\n\n> 问题？\n\nA：回答。\n";

    @TempDir
    Path root;

    private CorpusReader reader(long maxFileBytes, String... paths) {
        return new CorpusReader(new CorpusProperties(List.of(paths), maxFileBytes, "https://www.sofastack.tech", "zh", true, 1500));
    }

    @Test
    void skipsBadFilesWithAReasonAndReadsTheRest() throws IOException {
        Path blog = Files.createDirectories(root.resolve("content/zh/blog/sofa-weekly-20220218"));
        Files.writeString(blog.resolve("index.md"), POST, StandardCharsets.UTF_8);
        Files.write(root.resolve("binary.md"), new byte[] {'#', 0, 1, 2});
        Files.write(root.resolve("latin1.md"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(root.resolve("empty.md"), "  \n");
        Files.writeString(root.resolve("huge.md"), "x".repeat(5000));
        Files.writeString(root.resolve("notes.txt"), "not markdown");

        Corpus corpus = reader(4096, root.toString(), root.resolve("missing").toString()).read();

        assertThat(corpus.threads()).singleElement().satisfies(thread ->
                assertThat(thread.path()).isEqualTo("content/zh/blog/sofa-weekly-20220218/index.md"));
        assertThat(corpus.report().filesRead()).isEqualTo(1);
        assertThat(corpus.report().postsWithThreads()).isEqualTo(1);
        assertThat(corpus.report().skipped()).containsOnly(
                java.util.Map.entry(SkipReason.BINARY, 1), java.util.Map.entry(SkipReason.NOT_UTF8, 1),
                java.util.Map.entry(SkipReason.EMPTY, 1), java.util.Map.entry(SkipReason.TOO_LARGE, 1),
                java.util.Map.entry(SkipReason.MISSING_PATH, 1));
    }

    @Test
    void readsWeeklyPostsAsThreadsDocsAndArticlesAsSections() throws IOException {
        Files.createDirectories(root.resolve("content/zh/blog/sofa-weekly-20220218"));
        Files.writeString(root.resolve("content/zh/blog/sofa-weekly-20220218/index.md"), POST);
        Files.createDirectories(root.resolve("content/en/projects/mosn"));
        Files.writeString(root.resolve("content/en/projects/mosn/index.md"), "---\ntitle: MOSN\n---\n## Start\n\nRun it.\n");
        Files.createDirectories(root.resolve("content/zh/blog/seata-at-mode"));
        Files.writeString(root.resolve("content/zh/blog/seata-at-mode/index.md"), "---\ntitle: AT 模式\n---\n## 原理\n\n两阶段。\n");

        Corpus corpus = reader(4096, root.toString()).read();

        assertThat(corpus.passages()).extracting(Passage::kind)
                .containsExactlyInAnyOrder(Passage.Kind.QA, Passage.Kind.DOC, Passage.Kind.ARTICLE);
        assertThat(corpus.report()).extracting(IngestReport::threads, IngestReport::docSections, IngestReport::articleSections)
                .containsExactly(1, 1, 1);
        CorpusProperties withoutArticles = new CorpusProperties(List.of(root.toString()), 4096, "https://www.sofastack.tech", "zh", false, 1500);
        assertThat(new CorpusReader(withoutArticles).read().passages()).extracting(Passage::kind)
                .doesNotContain(Passage.Kind.ARTICLE);
    }

    @Test
    void aSingleFileIsReadRelativeToItsFolder() throws IOException {
        Path file = root.resolve("weekly.md");
        Files.writeString(file, POST, StandardCharsets.UTF_8);
        assertThat(reader(4096, file.toString()).read().threads()).singleElement()
                .extracting(Passage::path).isEqualTo("weekly.md");
    }

    @Test
    void theShippedSampleArchiveHasTheFoundingTopics() {
        Corpus corpus = reader(2_000_000, "data").read();
        assertThat(corpus.threads()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(corpus.threads().stream().flatMap(thread -> thread.products().stream()).distinct())
                .contains("SOFARegistry", "SOFAJRaft", "MOSN", "Seata", "SOFARPC");
        assertThat(corpus.threads()).anySatisfy(thread -> assertThat(thread.question()).contains("provider"))
                .anySatisfy(thread -> assertThat(thread.question()).contains("选举"))
                .anySatisfy(thread -> assertThat(thread.question()).contains("dubbo"));
        assertThat(corpus.report().skippedTotal()).isZero();
    }
}
