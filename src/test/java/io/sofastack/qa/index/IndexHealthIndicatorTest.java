package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

class IndexHealthIndicatorTest {

    @TempDir
    Path dir;

    @Test
    void isDownUntilTheIndexIsReadyThenUp() throws Exception {
        CorpusReader reader = new CorpusReader(CorpusProperties.of(List.of("data")));
        try (ArchiveIndexer indexer = new ArchiveIndexer(reader, IndexProperties.of(dir.toString()),
                new CountingEmbeddingModel(), JsonMapper.builder().build(), Clock.systemUTC(), null)) {
            IndexHealthIndicator health = new IndexHealthIndicator(indexer);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            indexer.synchronize();

            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("passages", indexer.status().passages());
        }
    }

    @Test
    void aRestartServesTheCommittedIndexBeforeSynchronising() throws Exception {
        CorpusReader reader = new CorpusReader(CorpusProperties.of(List.of("data")));
        IndexProperties properties = IndexProperties.of(dir.toString());
        try (ArchiveIndexer first = new ArchiveIndexer(reader, properties, new CountingEmbeddingModel(),
                JsonMapper.builder().build(), Clock.systemUTC(), null)) {
            first.synchronize();
        }
        try (ArchiveIndexer restarted = new ArchiveIndexer(reader, properties, new CountingEmbeddingModel(),
                JsonMapper.builder().build(), Clock.systemUTC(), null)) {
            assertThat(restarted.status().ready()).isTrue();
            assertThat(restarted.status().passages()).isGreaterThanOrEqualTo(20);
            assertThat(new IndexHealthIndicator(restarted).health().getStatus()).isEqualTo(Status.UP);
        }
    }
}
