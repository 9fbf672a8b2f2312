package io.sofastack.qa.index;

import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of passages: one {@link IndexWriter}, and searches through one
 * {@link SearcherManager}, so a re-index never blocks or breaks a query in flight: queries keep the
 * searcher they acquired until the new commit is refreshed in.
 */
public final class PassageIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PassageIndex.class);
    static final String SCHEMA_KEY = "qa.schema";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PassageDocuments documents;
    private final boolean rebuiltOnOpen;
    private final boolean mergeToOneSegment;
    private final PerSegment<SegmentVectors> vectors;
    private final PerSegment<SegmentKeywords> pages = SegmentKeywords.of(PassageDocuments.PAGE);
    private final PerSegment<SegmentKeywords> kinds = SegmentKeywords.of(PassageDocuments.KIND);

    private PassageIndex(Directory directory, IndexWriter writer, PassageDocuments documents, boolean rebuiltOnOpen,
                         boolean mergeToOneSegment, DotProduct product) throws IOException {
        this.directory = directory;
        this.vectors = SegmentVectors.of(PassageDocuments.VECTOR, product);
        this.mergeToOneSegment = mergeToOneSegment;
        this.writer = writer;
        this.documents = documents;
        this.rebuiltOnOpen = rebuiltOnOpen;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                // What a question reads of a new segment is copied before its first question rather than during it.
                for (LeafReaderContext leaf : reader.leaves()) {
                    vectors.of(leaf.reader());
                    pages.of(leaf.reader());
                    kinds.of(leaf.reader());
                }
                return new IndexSearcher(reader);
            }
        });
    }

    /**
     * Opens the index in {@code dir}, or creates it. An index that cannot be read (corrupt, foreign,
     * of an older schema) is never served: it is logged and replaced by an empty one, which the next
     * synchronisation fills from the archive.
     */
    public static PassageIndex open(Path dir, PassageDocuments documents) throws IOException {
        return open(dir, documents, 1, true, true);
    }

    /**
     * As {@link #open(Path, PassageDocuments)}, keeping at most {@code keepUnusable} folders moved aside,
     * merging the index into one segment after each commit that left more ({@code mergeToOneSegment}),
     * and comparing vectors with the JDK's Vector API when {@code simd} and the JVM allow ({@link DotProduct}).
     */
    public static PassageIndex open(Path dir, PassageDocuments documents, int keepUnusable, boolean mergeToOneSegment,
                                    boolean simd) throws IOException {
        Files.createDirectories(dir);
        Directory directory = VectorFilesUnmapped.open(dir);
        String problem = problemWith(directory);
        boolean rebuilt = problem != null;
        if (rebuilt && hasFiles(dir)) {
            // Moved aside, not deleted: the folder may hold something else that someone wants back.
            directory.close();
            Path aside = dir.resolveSibling(dir.getFileName() + ".unusable-" + System.currentTimeMillis());
            Files.move(dir, aside);
            log.warn("Index in {} is not usable ({}): moved it to {} and rebuilding the index from the archive",
                    dir, problem, aside);
            pruneUnusable(dir, keepUnusable);
            Files.createDirectories(dir);
            directory = VectorFilesUnmapped.open(dir);
        }
        IndexWriterConfig config = new IndexWriterConfig(new ArchiveAnalyzer())
                .setOpenMode(rebuilt ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setCommitOnClose(false);
        return new PassageIndex(directory, new IndexWriter(directory, config), documents, rebuilt, mergeToOneSegment,
                DotProduct.choose(simd));
    }

    /** Deletes all but the newest {@code keep} folders moved aside from {@code dir}. */
    static void pruneUnusable(Path dir, int keep) throws IOException {
        String prefix = dir.getFileName() + ".unusable-";
        List<Path> aside;
        try (var siblings = Files.list(dir.toAbsolutePath().getParent())) {
            aside = siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparingLong((Path path) -> movedAt(path, prefix)).reversed())
                    .toList();
        }
        for (Path old : aside.subList(Math.min(keep, aside.size()), aside.size())) {
            try (var tree = Files.walk(old)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            log.info("Deleted the unusable index folder {} (keeping the newest {})", old, keep);
        }
    }

    private static long movedAt(Path path, String prefix) {
        try {
            return Long.parseLong(path.getFileName().toString().substring(prefix.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not ours to judge by its name: sort it first, so that it is kept
        }
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        }
    }

    /** Why the directory cannot be appended to, or {@code null} when it can. */
    private static String problemWith(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return "no index";
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                String schema = reader.getIndexCommit().getUserData().get(SCHEMA_KEY);
                if (!PassageDocuments.SCHEMA.equals(schema)) {
                    return "schema " + schema + ", expected " + PassageDocuments.SCHEMA;
                }
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    boolean rebuiltOnOpen() {
        return rebuiltOnOpen;
    }

    PassageDocuments documents() {
        return documents;
    }

    /** Ids and content hashes of every passage in the last commit. */
    Map<String, String> hashesById() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Map<String, String> hashes = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            int total = Math.max(1, searcher.getIndexReader().numDocs());
            for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), total).scoreDocs) {
                Document document = stored.document(hit.doc, Set.of(PassageDocuments.ID, PassageDocuments.HASH));
                hashes.put(document.get(PassageDocuments.ID), document.get(PassageDocuments.HASH));
            }
            return hashes;
        } finally {
            searchers.release(searcher);
        }
    }

    void upsert(Passage passage, String hash, float[] vector) throws IOException {
        writer.updateDocument(new Term(PassageDocuments.ID, passage.id()), documents.toDocument(passage, hash, vector));
    }

    void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(PassageDocuments.ID, id));
    }

    /**
     * Makes every change durable and visible to new searches; searches in flight are not disturbed.
     * The changes are committed before any merge, so that a crash while merging loses none of them.
     */
    void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, PassageDocuments.SCHEMA).entrySet());
        writer.commit();
        int segments = mergeToOneSegment ? segments() : 1;
        if (segments > 1) {
            long started = System.nanoTime();
            writer.forceMerge(1);
            writer.commit();
            log.info("Merged the index's {} segments into one, in {} ms", segments, (System.nanoTime() - started) / 1_000_000);
        }
        searchers.maybeRefreshBlocking();
    }

    /** Segments of the last commit. */
    int segments() throws IOException {
        return SegmentInfos.readLatestCommit(directory).size();
    }

    /**
     * Runs searches on one point-in-time view of the index: a synchronisation that commits meanwhile
     * is seen by the next call, never half-way through this one.
     */
    public <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(new PassageSearcher(searcher, documents, vectors, pages, kinds));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Searches run on one view of the index. */
    @FunctionalInterface
    public interface SearchWork<T> {
        T apply(PassageSearcher searcher) throws IOException;
    }

    /** Threads in the searchable index. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
