package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index survives what production does to it: a process killed (SIGKILL) in the middle of a
 * re-index, a corrupted index folder, a folder that holds something else. Each test forks the bot in
 * a JVM of its own and kills it.
 */
class IndexDurabilityTest {

    private static final String FOUNDING_QUESTION = "{\"question\": \"三节点集群停掉一个节点后一直在选举，不能提供服务，正常吗？\"}";
    private static final String FOUNDING_PATH = "weekly/2022-02-18-registry-raft-mosn.md";

    @TempDir
    Path work;

    private final JsonMapper json = JsonMapper.builder().build();
    private Path corpus;
    private Path index;
    private Path state;

    @BeforeEach
    void copyTheSampleArchive() throws IOException {
        corpus = Files.createDirectories(work.resolve("corpus"));
        index = work.resolve("index");
        state = work.resolve("state");
        FileSystemUtils.copyRecursively(Path.of("data"), corpus);
    }

    private ForkedBot start(String name) throws IOException {
        return ForkedBot.start(corpus, index, state, work.resolve(name + ".log"));
    }

    private JsonNode askFoundingQuestion(ForkedBot bot) throws Exception {
        var response = bot.ask(FOUNDING_QUESTION);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertAnswersFromTheArchive(ForkedBot bot) throws Exception {
        JsonNode answer = askFoundingQuestion(bot);
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("sources").get(0).get("path").asString()).isEqualTo(FOUNDING_PATH);
    }

    /** A post of many made-up threads: enough work for the re-index to be killed in the middle of it. */
    private void addAPostOfThreads(int count) throws IOException {
        StringBuilder post = new StringBuilder("---\ntitle: \"A large post\"\ndate: 2023-01-01\n---\n\n### 社区问答\n\n");
        for (int i = 0; i < count; i++) {
            post.append("**@user").append(i).append("** 提问：\n\n> 第 ").append(i).append(" 号集群的组件 component")
                    .append(i).append(" 在升级到版本 ").append(i % 7).append('.').append(i % 11).append(" 后如何配置？\n\n")
                    .append("A：按照第 ").append(i).append(" 号说明修改 setting").append(i).append(" 即可。\n\n");
        }
        Files.writeString(corpus.resolve("large.md"), post, StandardCharsets.UTF_8);
    }

    @Test
    void aProcessKilledInTheMiddleOfAReindexRestartsOnTheLastCommit() throws Exception {
        try (ForkedBot first = start("first")) {
            first.awaitReady(Duration.ofMinutes(2));
            first.awaitLog("Index synchronised", Duration.ofMinutes(2));
            assertAnswersFromTheArchive(first);
        }
        addAPostOfThreads(1500);

        try (ForkedBot reindexing = start("reindexing")) {
            reindexing.awaitLog("Indexing \\d+/1500 passages", Duration.ofMinutes(2));
            reindexing.kill();
        }

        try (ForkedBot restarted = start("restarted")) {
            restarted.awaitReady(Duration.ofMinutes(2));
            JsonNode status = json.readTree(restarted.get("/api/index").body());
            assertThat(status.get("state").asString()).isEqualTo("READY");
            assertThat(status.get("passages").asInt()).as("the last committed index").isBetween(20, 30);
            assertAnswersFromTheArchive(restarted);
            assertThat(restarted.log()).doesNotContain("not usable");
        }
    }

    @Test
    void aCorruptedIndexIsRebuiltFromTheArchiveNeverServed() throws Exception {
        try (ForkedBot first = start("first")) {
            first.awaitLog("Index synchronised", Duration.ofMinutes(2));
            first.kill();
        }
        try (Stream<Path> files = Files.list(index)) {
            for (Path segments : files.filter(file -> file.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(segments, "not a segments file".getBytes(StandardCharsets.UTF_8));
            }
        }

        try (ForkedBot restarted = start("restarted")) {
            restarted.awaitReady(Duration.ofMinutes(2));
            assertThat(restarted.log()).containsPattern("Index in .* is not usable \\(.*\\): moved it to .*unusable-\\d+ and rebuilding");
            JsonNode status = json.readTree(restarted.get("/api/index").body());
            assertThat(status.get("sync").get("rebuilt").asBoolean()).isTrue();
            assertThat(status.get("passages").asInt()).isGreaterThanOrEqualTo(20);
            assertAnswersFromTheArchive(restarted);
        }
    }

    @Test
    void aFolderHoldingSomethingElseIsMovedAsideNotServedOrDeleted() throws Exception {
        Files.createDirectories(index);
        Files.writeString(index.resolve("notes.txt"), "someone's notes");

        try (ForkedBot bot = start("foreign")) {
            bot.awaitReady(Duration.ofMinutes(2));
            assertAnswersFromTheArchive(bot);
            assertThat(bot.log()).contains("is not usable (no index)");
        }
        try (Stream<Path> siblings = Files.list(work)) {
            Path aside = siblings.filter(path -> path.getFileName().toString().startsWith("index.unusable-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside.resolve("notes.txt"))).isEqualTo("someone's notes");
        }
    }
}
