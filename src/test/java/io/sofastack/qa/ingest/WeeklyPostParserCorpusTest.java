package io.sofastack.qa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parser against the real archive in ../shared/corpus (skipped, with a reason, when it is absent). */
class WeeklyPostParserCorpusTest {

    private static final WeeklyPostParser PARSER = new WeeklyPostParser(
            new SiteUrls("https://www.sofastack.tech", "zh"), new ProductTagger());
    private static List<QaThread> threads;

    @BeforeAll
    static void parseWholeArchive() throws IOException {
        assumeTrue(SharedCorpus.isPresent(), "../shared/corpus/sofastack.tech is absent: real-archive parser tests skipped");
        threads = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedCorpus.ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String path = SharedCorpus.ROOT.relativize(file).toString().replace('\\', '/');
                threads.addAll(PARSER.parse(path, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        if (System.getProperty("qa.dump") != null) {
            StringBuilder dump = new StringBuilder();
            for (QaThread thread : threads) {
                dump.append("=== ").append(thread.path()).append(" #").append(thread.number())
                        .append(" @").append(thread.asker()).append(' ').append(thread.products()).append('\n')
                        .append(thread.threadText()).append("\n\n");
            }
            Files.writeString(Path.of(System.getProperty("qa.dump")), dump, StandardCharsets.UTF_8);
        }
    }

    @Test
    void findsNearlyEveryThreadOfTheArchive() {
        assertThat(threads.size()).isBetween(480, 520);
    }

    @Test
    void everyThreadOpensWithAQuestionAndHasAnAnswer() {
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.question()).isNotBlank();
            assertThat(thread.answerText()).isNotBlank();
        });
    }

    @Test
    void onlyWeeklyPostsContributeThreads() {
        assertThat(threads).allSatisfy(thread -> assertThat(thread.path()).contains("weekly"));
    }

    @Test
    void readsTheFoundingPostsThreeThreads() {
        List<QaThread> founding = threads.stream()
                .filter(thread -> thread.path().equals("content/zh/blog/sofa-weekly-20220218/index.md")).toList();
        assertThat(founding).hasSize(3);
        assertThat(founding.get(0).question()).contains("provider 的连接数压力大");
        assertThat(founding.get(0).answerText()).contains("host subset").doesNotContain("老段");
        assertThat(founding.get(1).asker()).isEqualTo("老段");
        assertThat(founding.get(2).products()).contains("MOSN");
        assertThat(founding.get(0).url()).isEqualTo("https://www.sofastack.tech/blog/sofa-weekly-20220218/");
    }

    @Test
    void keepsTopicThreadsWithTheirFollowUps() {
        QaThread grouplist = threads.stream()
                .filter(thread -> thread.path().equals("content/zh/blog/sofa-weekly-20190823/index.md"))
                .filter(thread -> thread.question().contains("default.grouplist")).findFirst().orElseThrow();
        assertThat(grouplist.turns()).hasSize(6);
        assertThat(grouplist.answerText()).contains("registry.type=file");
    }
}
