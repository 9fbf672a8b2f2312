package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Brings the index in line with a read of the archive, doing only the work that changed: new and
 * changed passages are embedded and written, unchanged ones are left alone, vanished ones deleted.
 */
final class IndexSynchronizer {

    private static final Logger log = LoggerFactory.getLogger(IndexSynchronizer.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final EmbeddingModel embeddingModel;
    private final int batchSize;
    private final double maxDeletedFraction;
    private final EmbeddingCache cache;

    IndexSynchronizer(EmbeddingModel embeddingModel, int batchSize, double maxDeletedFraction) {
        this(embeddingModel, batchSize, maxDeletedFraction, null);
    }

    /** @param cache where embeddings are taken from and kept, or {@code null} for none */
    IndexSynchronizer(EmbeddingModel embeddingModel, int batchSize, double maxDeletedFraction, EmbeddingCache cache) {
        this.embeddingModel = embeddingModel;
        this.batchSize = batchSize;
        this.maxDeletedFraction = maxDeletedFraction;
        this.cache = cache;
    }

    /** Refused: the synchronisation would delete more of the index than is allowed without force. */
    static final class TooManyDeletions extends IOException {
        TooManyDeletions(int deleting, int indexed, double allowed) {
            super(String.format("refused to delete %d of %d indexed passages (more than %.0f %%): is the corpus complete? "
                    + "Re-index with force to accept it", deleting, indexed, allowed * 100));
        }
    }

    SyncReport synchronize(PassageIndex index, List<Passage> passages) throws IOException {
        return synchronize(index, passages, false);
    }

    /** @param force whether to delete more than {@code maxDeletedFraction} of the index when the corpus says so */
    SyncReport synchronize(PassageIndex index, List<Passage> passages, boolean force) throws IOException {
        return synchronize(index, passages, force, null);
    }

    /**
     * @param owned which indexed passages {@code passages} is the whole of: only those are deleted when
     *        absent from it (one source's for that source alone); {@code null} for all of them
     */
    SyncReport synchronize(PassageIndex index, List<Passage> passages, boolean force, Predicate<String> owned) throws IOException {
        long started = System.nanoTime();
        boolean wholeIndex = owned == null;
        Predicate<String> deletable = wholeIndex ? id -> true : owned;
        // 1. Compare content hashes with the last commit.
        Map<String, String> indexed = index.hashesById();
        PassageDocuments documents = index.documents();
        List<Passage> toEmbed = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Passage passage : passages) {
            if (!present.add(passage.id())) {
                log.warn("Passage id {} occurs twice ({}): the later one is ignored", passage.id(), passage.path());
                continue;
            }
            String hash = documents.hash(passage);
            if (!hash.equals(indexed.get(passage.id()))) {
                toEmbed.add(passage);
                hashes.add(hash);
            }
        }
        // 2. Delete passages whose source is gone, unless that is too much of the index to be believed.
        List<String> gone = indexed.keySet().stream().filter(deletable).filter(id -> !present.contains(id)).toList();
        if (!force && !indexed.isEmpty() && gone.size() > maxDeletedFraction * indexed.size()) {
            throw new TooManyDeletions(gone.size(), indexed.size(), maxDeletedFraction);
        }
        for (String id : gone) {
            index.delete(id);
        }
        int deleted = gone.size();
        // 3. Embed and write the new and changed passages, in batches, showing progress.
        Progress progress = new Progress(toEmbed.size(), started);
        int fromCache = 0;
        boolean caching = cache != null;
        for (int from = 0; from < toEmbed.size(); from += batchSize) {
            List<Passage> batch = toEmbed.subList(from, Math.min(toEmbed.size(), from + batchSize));
            List<String> texts = batch.stream().map(PassageDocuments::embeddingText).toList();
            List<String> keys = caching ? texts.stream().map(cache::key).toList() : List.of();
            Map<String, float[]> cached = Map.of();
            if (caching) {
                try {
                    cached = cache.find(keys);
                } catch (org.springframework.dao.DataAccessException e) {
                    log.warn("The embedding cache cannot be read ({}): embedding without it", e.getMessage());
                    caching = false;
                }
            }
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (!caching || !cached.containsKey(keys.get(i))) {
                    missing.add(i);
                }
            }
            List<float[]> computed = missing.isEmpty() ? List.of()
                    : embeddingModel.embed(missing.stream().map(texts::get).toList());
            Map<String, float[]> fresh = new java.util.LinkedHashMap<>();
            float[][] vectors = new float[batch.size()][];
            for (int m = 0; m < missing.size(); m++) {
                vectors[missing.get(m)] = computed.get(m);
                if (caching) {
                    fresh.put(keys.get(missing.get(m)), computed.get(m));
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                if (vectors[i] == null) {
                    vectors[i] = cached.get(keys.get(i));
                    fromCache++;
                }
                index.upsert(batch.get(i), hashes.get(from + i), vectors[i]);
            }
            if (caching && !fresh.isEmpty()) {
                try {
                    cache.save(fresh);
                } catch (org.springframework.dao.DataAccessException e) {
                    log.warn("The embedding cache cannot be written ({}): embedding without it", e.getMessage());
                    caching = false;
                }
            }
            progress.advance(batch.size());
        }
        // 4. Commit once: a crash before this point leaves the previous commit intact.
        index.commit();
        SyncReport report = new SyncReport(toEmbed.size(), fromCache, present.size() - toEmbed.size(), deleted,
                index.rebuiltOnOpen(), (System.nanoTime() - started) / 1_000_000);
        // A source brought up to date alone (every qa.community.refresh-interval) is worth a line only when it changed something.
        boolean changed = report.embedded() > 0 || report.deleted() > 0;
        String message = "Index synchronised: {} embedded ({} from the embedding cache), {} unchanged, {} deleted, {} passages searchable, in {} ms";
        Object[] figures = {report.embedded(), report.fromCache(), report.unchanged(), report.deleted(), index.size(), report.tookMs()};
        if (changed || wholeIndex) {
            log.info(message, figures);
        } else {
            log.debug(message, figures);
        }
        return report;
    }

    /** Logs done/total, rate and ETA at most every few seconds. */
    private static final class Progress {
        private final int total;
        private final long started;
        private long lastLogged;
        private int done;

        Progress(int total, long started) {
            this.total = total;
            this.started = started;
            this.lastLogged = started;
            if (total > 0) {
                log.info("Embedding {} new or changed passages", total);
            }
        }

        void advance(int count) {
            done += count;
            long now = System.nanoTime();
            if (now - lastLogged >= PROGRESS_EVERY_NANOS || done == total) {
                lastLogged = now;
                double seconds = Math.max(1e-3, (now - started) / 1e9);
                double rate = done / seconds;
                long etaSeconds = Math.round((total - done) / Math.max(rate, 1e-6));
                log.info("Indexing {}/{} passages ({} %), {} passages/s, ETA {} s",
                        done, total, 100 * done / total, String.format("%.1f", rate), etaSeconds);
            }
        }
    }
}
