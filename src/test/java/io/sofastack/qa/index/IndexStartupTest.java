package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.cpu.ThreadPriority;
import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start's synchronisation keeps the normal priority for a first build, which nothing can be
 * answered without, and gives way to questions when it only catches up with an index that serves.
 */
class IndexStartupTest {

    @TempDir
    Path work;

    private final List<Integer> lowered = new ArrayList<>();
    private final ThreadPriority recording = new ThreadPriority() {
        @Override
        public boolean lowerCurrentThread(int nice) {
            lowered.add(nice);
            return true;
        }
    };

    private ArchiveIndexer indexer() throws IOException {
        return new ArchiveIndexer(new CorpusReader(CorpusProperties.of(List.of("data"))), IndexProperties.of(work.toString()),
                new CountingEmbeddingModel(), JsonMapper.builder().build(), Clock.systemUTC(), null);
    }

    private IndexProperties withCatchUpNice(int nice) {
        IndexProperties defaults = IndexProperties.of(work.toString());
        return new IndexProperties(defaults.dir(), defaults.embeddingBatch(), defaults.embeddingThreads(), defaults.onnxThreads(),
                defaults.maxDeletedFraction(), defaults.keepUnusable(), defaults.embeddingCache(), defaults.mergeToOneSegment(),
                defaults.simd(), nice);
    }

    @Test
    void aFirstBuildRunsAtTheNormalPriorityAndTheCatchUpOfARestartAtTheLowerOne() throws IOException {
        try (ArchiveIndexer first = indexer()) {
            new IndexStartup(first, recording, withCatchUpNice(19)).synchronize();
            assertThat(first.status().ready()).isTrue();
        }
        assertThat(lowered).as("first build").isEmpty();

        try (ArchiveIndexer restarted = indexer()) {
            assertThat(restarted.status().ready()).as("the index on disk serves at once").isTrue();
            new IndexStartup(restarted, recording, withCatchUpNice(19)).synchronize();
        }
        assertThat(lowered).containsExactly(19);
    }

    @Test
    void aCatchUpNiceOfZeroLeavesThePriorityAlone() throws IOException {
        try (ArchiveIndexer first = indexer()) {
            first.synchronize();
        }
        try (ArchiveIndexer restarted = indexer()) {
            new IndexStartup(restarted, recording, withCatchUpNice(0)).synchronize();
        }
        assertThat(lowered).isEmpty();
    }
}
