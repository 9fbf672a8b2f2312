package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Corpus;
import io.sofastack.qa.ingest.CorpusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owns the passage index for the application: opens it, keeps it in line with the archive, and says
 * whether it is ready. Synchronisations run one at a time; searches go on meanwhile.
 */
@Component
public class ArchiveIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiveIndexer.class);

    private final CorpusReader corpusReader;
    private final PassageIndex index;
    private final IndexSynchronizer synchronizer;
    private final Clock clock;
    private final AtomicReference<IndexStatus> status;

    public ArchiveIndexer(CorpusReader corpusReader, IndexProperties properties, EmbeddingModel embeddingModel,
                          JsonMapper jsonMapper, Clock clock) throws IOException {
        this.corpusReader = corpusReader;
        this.clock = clock;
        this.index = PassageIndex.open(Path.of(properties.dir()), new PassageDocuments(jsonMapper));
        this.synchronizer = new IndexSynchronizer(embeddingModel, properties.embeddingBatch());
        // A committed index of the current schema is a consistent snapshot: serve it at once while the
        // first synchronisation catches up with the archive.
        IndexStatus.State initial = !index.rebuiltOnOpen() && index.size() > 0 ? IndexStatus.State.READY : IndexStatus.State.BUILDING;
        this.status = new AtomicReference<>(new IndexStatus(initial, false, index.size(), null, null, null, null));
    }

    /** Reads the archive and brings the index in line with it. */
    public synchronized IndexStatus synchronize() {
        status.updateAndGet(current -> current.synchronizing(true));
        try {
            Corpus corpus = corpusReader.read();
            SyncReport sync = synchronizer.synchronize(index, corpus.passages());
            return publish(new IndexStatus(IndexStatus.State.READY, false, index.size(), corpus.report(), sync, clock.instant(), null));
        } catch (IOException | RuntimeException e) {
            log.error("Index synchronisation failed; the last committed index is still served", e);
            IndexStatus previous = status.get();
            IndexStatus.State state = previous.ready() ? IndexStatus.State.READY : IndexStatus.State.FAILED;
            return publish(new IndexStatus(state, false, index.size(), previous.ingest(), previous.sync(), clock.instant(),
                    e.getClass().getSimpleName()));
        }
    }

    private IndexStatus publish(IndexStatus next) {
        status.set(next);
        return next;
    }

    public IndexStatus status() {
        return status.get();
    }

    public PassageIndex index() {
        return index;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
