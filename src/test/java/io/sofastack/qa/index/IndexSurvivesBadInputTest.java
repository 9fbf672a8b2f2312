package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

/** A bad read of the knowledge never costs the index: the last commit goes on serving, and says why. */
class IndexSurvivesBadInputTest {

    @TempDir
    Path work;

    private Path corpus;
    private ArchiveIndexer indexer;
    private int indexed;

    @BeforeEach
    void indexTheSampleArchive() throws IOException {
        corpus = Files.createDirectories(work.resolve("corpus"));
        try (Stream<Path> posts = Files.list(Path.of("data", "weekly"))) {
            for (Path post : posts.toList()) {
                Files.copy(post, corpus.resolve(post.getFileName()));
            }
        }
        indexer = new ArchiveIndexer(new CorpusReader(CorpusProperties.of(List.of(corpus.toString()))),
                IndexProperties.of(work.resolve("index").toString()), new CountingEmbeddingModel(),
                JsonMapper.builder().build(), Clock.systemUTC(), null);
        indexed = indexer.synchronize().passages();
        assertThat(indexed).isGreaterThanOrEqualTo(20);
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws IOException {
        indexer.close();
    }

    @Test
    void aMissingCorpusPathKeepsTheLastIndexServingAndSaysSo() throws IOException {
        Files.move(corpus, work.resolve("unmounted"));

        IndexStatus status = indexer.synchronize();

        assertThat(status.ready()).isTrue();
        assertThat(status.passages()).isEqualTo(indexed);
        assertThat(status.degraded()).isTrue();
        assertThat(status.error()).contains("does not exist").contains(corpus.toString());
        var health = new IndexHealthIndicator(indexer).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("degraded");
    }

    @Test
    void anEmptyCorpusKeepsTheLastIndexServing() throws IOException {
        try (Stream<Path> posts = Files.list(corpus)) {
            for (Path post : posts.toList()) {
                Files.delete(post);
            }
        }

        IndexStatus status = indexer.synchronize(true);

        assertThat(status.passages()).as("not even force empties the index from an empty read").isEqualTo(indexed);
        assertThat(status.error()).contains("yields no passage");
    }

    @Test
    void deletingMoreThanTheAllowedShareIsRefusedUnlessForced() throws IOException {
        try (Stream<Path> posts = Files.list(corpus)) {
            List<Path> all = posts.sorted().toList();
            for (Path post : all.subList(0, all.size() / 2)) {
                Files.delete(post);
            }
        }

        IndexStatus refused = indexer.synchronize();
        assertThat(refused.passages()).isEqualTo(indexed);
        assertThat(refused.error()).contains("refused to delete").contains("force");

        IndexStatus forced = indexer.synchronize(true);
        assertThat(forced.passages()).isLessThan(indexed).isPositive();
        assertThat(forced.degraded()).isFalse();
        assertThat(forced.sync().deleted()).isEqualTo(indexed - forced.passages());
    }

    @Test
    void aFirstStartOnAMissingCorpusIsNotReady() throws IOException {
        try (ArchiveIndexer fresh = new ArchiveIndexer(
                new CorpusReader(CorpusProperties.of(List.of(work.resolve("nowhere").toString()))),
                IndexProperties.of(work.resolve("fresh-index").toString()), new CountingEmbeddingModel(),
                JsonMapper.builder().build(), Clock.systemUTC(), null)) {
            IndexStatus status = fresh.synchronize();

            assertThat(status.ready()).isFalse();
            assertThat(status.error()).contains("does not exist");
            assertThat(new IndexHealthIndicator(fresh).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void keepsOnlyTheNewestUnusableIndexFolders() throws IOException {
        Path dir = Files.createDirectories(work.resolve("idx"));
        for (long movedAt : new long[] {1000, 3000, 2000}) {
            Files.writeString(Files.createDirectories(work.resolve("idx.unusable-" + movedAt)).resolve("segments_1"), "x");
        }

        PassageIndex.pruneUnusable(dir, 1);

        try (Stream<Path> left = Files.list(work)) {
            assertThat(left.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("idx.")))
                    .containsExactly("idx.unusable-3000");
        }
    }
}
