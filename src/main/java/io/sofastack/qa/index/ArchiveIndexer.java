package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Corpus;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.KnowledgeSource;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final Supplier<List<KnowledgeSource>> sources;

    /** An indexer of the corpus alone. */
    public ArchiveIndexer(CorpusReader corpusReader, IndexProperties properties, EmbeddingModel embeddingModel,
                          JsonMapper jsonMapper, Clock clock, JdbcClient jdbc) throws IOException {
        this(corpusReader, properties, embeddingModel, jsonMapper, clock, jdbc, List::of);
    }

    /** @param sources the knowledge kept outside the corpus, looked up at each synchronisation */
    @Autowired
    public ArchiveIndexer(CorpusReader corpusReader, IndexProperties properties, EmbeddingModel embeddingModel,
                          JsonMapper jsonMapper, Clock clock, JdbcClient jdbc, ObjectProvider<KnowledgeSource> sources)
            throws IOException {
        this(corpusReader, properties, embeddingModel, jsonMapper, clock, jdbc, () -> sources.orderedStream().toList());
    }

    private ArchiveIndexer(CorpusReader corpusReader, IndexProperties properties, EmbeddingModel embeddingModel,
                           JsonMapper jsonMapper, Clock clock, JdbcClient jdbc, Supplier<List<KnowledgeSource>> sources)
            throws IOException {
        this.sources = sources;
        this.corpusReader = corpusReader;
        this.clock = clock;
        this.index = PassageIndex.open(Path.of(properties.dir()), new PassageDocuments(jsonMapper), properties.keepUnusable(),
                properties.mergeToOneSegment(), properties.simd());
        EmbeddingCache cache = properties.embeddingCache() && jdbc != null
                ? new EmbeddingCache(jdbc, embeddingModel.getClass().getName() + "/" + embeddingModel.dimensions()) : null;
        this.synchronizer = new IndexSynchronizer(embeddingModel, properties.embeddingBatch(), properties.maxDeletedFraction(), cache);
        // A committed index of the current schema is a consistent snapshot: serve it at once while the
        // first synchronisation catches up with the archive.
        IndexStatus.State initial = !index.rebuiltOnOpen() && index.size() > 0 ? IndexStatus.State.READY : IndexStatus.State.BUILDING;
        this.status = new AtomicReference<>(new IndexStatus(initial, false, index.size(), null, null, null, null));
    }

    /** Reads the knowledge and brings the index in line with it, within the deletion guard. */
    public IndexStatus synchronize() {
        return synchronize(false);
    }

    /**
     * Reads the knowledge and brings the index in line with it. A read with a problem (a corpus path
     * missing, unlistable or empty) changes nothing: the last committed index goes on serving (on a
     * first start there is none, and health stays DOWN), and the status says why. {@code force} lets a synchronisation delete more than
     * {@code qa.index.max-deleted-fraction} of the index; it does not override a read with a problem.
     */
    public synchronized IndexStatus synchronize(boolean force) {
        status.updateAndGet(current -> current.synchronizing(true));
        Corpus corpus = null;
        try {
            corpus = corpusReader.read();
            if (!corpus.report().problems().isEmpty()) {
                String problem = String.join("; ", corpus.report().problems());
                log.error("The knowledge was not read completely ({}): the index is left as it was and still serves {} passages",
                        problem, index.size());
                return refused(corpus, problem);
            }
            List<Passage> passages = new ArrayList<>(corpus.passages());
            for (KnowledgeSource source : sources.get()) {
                try {
                    passages.addAll(source.passages());
                } catch (RuntimeException e) {
                    log.error("The {} could not be read ({}): the index is left as it was and still serves {} passages",
                            source.name(), e.getMessage(), index.size());
                    return refused(corpus, "the " + source.name() + " could not be read");
                }
            }
            SyncReport sync = synchronizer.synchronize(index, passages, force);
            return publish(new IndexStatus(IndexStatus.State.READY, false, index.size(), corpus.report(), sync, clock.instant(), null));
        } catch (IndexSynchronizer.TooManyDeletions e) {
            // Thrown before the writer is touched: there is nothing to undo.
            log.error("Index synchronisation {}; the last committed index is still served", e.getMessage());
            return refused(corpus, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.error("Index synchronisation failed; the last committed index is still served", e);
            return refused(null, "the synchronisation failed; the log says why");
        }
    }

    /**
     * Brings one source's passages in the index up to date with it (what it adds, changes and no longer
     * has), without reading the corpus: how an accepted or withdrawn community answer is served or
     * dropped at once. Throws when the source cannot be read or the index not written; the index is then
     * as it was.
     */
    public synchronized SyncReport synchronize(KnowledgeSource source) throws IOException {
        String prefix = source.idPrefix();
        List<Passage> passages = source.passages();
        for (Passage passage : passages) {
            if (!passage.id().startsWith(prefix)) {
                throw new IllegalArgumentException("passage " + passage.id() + " of the " + source.name() + " lacks its prefix " + prefix);
            }
        }
        SyncReport report = synchronizer.synchronize(index, passages, true, id -> id.startsWith(prefix));
        int size = index.size();
        status.updateAndGet(current -> new IndexStatus(current.state(), current.synchronizing(), size, current.ingest(),
                current.sync(), current.updatedAt(), current.error()));
        return report;
    }

    /** The status after a synchronisation that changed nothing. */
    private IndexStatus refused(Corpus corpus, String why) {
        IndexStatus previous = status.get();
        IndexStatus.State state = previous.ready() || index.size() > 0 ? IndexStatus.State.READY : IndexStatus.State.FAILED;
        return publish(new IndexStatus(state, false, index.size(), corpus == null ? previous.ingest() : corpus.report(),
                previous.sync(), clock.instant(), why));
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
