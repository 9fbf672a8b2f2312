package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.Passage;
import io.sofastack.qa.ingest.QaThread;
import io.sofastack.qa.ingest.QaThread.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class PassageIndexTest {

    @TempDir
    Path dir;

    private final CountingEmbeddingModel embeddings = new CountingEmbeddingModel();
    private final IndexSynchronizer synchronizer = new IndexSynchronizer(embeddings, 4, 0.2);
    private final PassageDocuments documents = new PassageDocuments(JsonMapper.builder().build());

    private static Passage thread(String id, String question, String answer) {
        return Passage.of(new QaThread(id, "weekly/" + id + ".md", "标题", LocalDate.of(2022, 2, 18), "https://example.org/" + id + "/",
                "张三", 1, question, List.of(new Turn(Turn.Kind.QUESTION, question), new Turn(Turn.Kind.ANSWER, answer)),
                List.of("MOSN")), "zh", "weekly/" + id + ".md");
    }

    private static List<Passage> threads(int count) {
        List<Passage> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(thread("t" + i, "问题 " + i + "：MOSN 怎么配置？", "回答 " + i));
        }
        return threads;
    }

    @Test
    void embedsOnlyNewAndChangedPassagesAndDeletesVanishedOnes() throws IOException {
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            SyncReport first = synchronizer.synchronize(index, threads(6));
            assertThat(first.embedded()).isEqualTo(6);
            assertThat(first.rebuilt()).isTrue();

            SyncReport unchanged = synchronizer.synchronize(index, threads(6));
            assertThat(unchanged.embedded()).isZero();
            assertThat(unchanged.unchanged()).isEqualTo(6);

            List<Passage> edited = new ArrayList<>(threads(5));
            edited.set(0, thread("t0", "问题 0：MOSN 怎么配置 dubbo？", "改过的回答"));
            SyncReport changed = synchronizer.synchronize(index, edited);
            assertThat(changed).extracting(SyncReport::embedded, SyncReport::unchanged, SyncReport::deleted)
                    .containsExactly(1, 4, 1);
            assertThat(index.size()).isEqualTo(5);
            String answer = index.withSearcher(searcher -> searcher.passage(searcher.top(
                    new TermQuery(new Term(PassageDocuments.ID, "t0")), 1).get(0).doc()).answerText());
            assertThat(answer).isEqualTo("改过的回答");
        }
        assertThat(embeddings.embedded.get()).isEqualTo(7);
    }

    @Test
    void aChangedDocsPageReembedsOnlyItsChangedSection(@TempDir Path site) throws IOException {
        Path page = Files.createDirectories(site.resolve("content/zh/projects/sofa-rpc/invoke-type")).resolve("index.md");
        String original = "---\ntitle: 调用方式\n---\n## 同步\n\n默认方式。\n\n## 异步\n\n用 future。\n\n## 单向\n\n不等返回。\n";
        Files.writeString(page, original);
        CorpusReader reader = new CorpusReader(CorpusProperties.of(List.of(site.toString())));
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            assertThat(synchronizer.synchronize(index, reader.read().passages()).embedded()).isEqualTo(3);

            Files.writeString(page, original.replace("用 future。", "用 future，或者 callback。"));
            SyncReport changed = synchronizer.synchronize(index, reader.read().passages());

            assertThat(changed).extracting(SyncReport::embedded, SyncReport::unchanged, SyncReport::deleted)
                    .containsExactly(1, 2, 0);
        }
    }

    @Test
    void aChangeIsMergedIntoOneSegmentWithTheRestUnlessTurnedOff(@TempDir Path unmerged) throws IOException {
        try (PassageIndex merging = PassageIndex.open(dir, documents, 1, true, true);
             PassageIndex keeping = PassageIndex.open(unmerged, documents, 1, false, true)) {
            for (PassageIndex index : List.of(merging, keeping)) {
                synchronizer.synchronize(index, threads(4));
                synchronizer.synchronize(index, threads(6));
            }
            assertThat(merging.segments()).isEqualTo(1);
            assertThat(keeping.segments()).isEqualTo(2);
            assertThat(merging.size()).isEqualTo(6);
            List<PassageSearcher.Hit> found = merging.withSearcher(searcher ->
                    searcher.top(new TermQuery(new Term(PassageDocuments.ID, "t5")), 1));
            assertThat(found).hasSize(1);
        }
        try (PassageIndex reopened = PassageIndex.open(dir, documents)) {
            assertThat(reopened.rebuiltOnOpen()).isFalse();
            assertThat(synchronizer.synchronize(reopened, threads(6)).embedded()).isZero();
        }
    }

    @Test
    void aHitsPageAndKindAreKnownWithoutLoadingItsPassage(@TempDir Path site) throws IOException {
        Path zh = Files.createDirectories(site.resolve("content/zh/projects/sofa-rpc/invoke-type")).resolve("index.md");
        Path en = Files.createDirectories(site.resolve("content/en/projects/sofa-rpc/invoke-type")).resolve("index.md");
        Files.writeString(zh, "---\ntitle: 调用方式\n---\n## 同步\n\n默认方式。\n\n## 异步\n\n用 future。\n");
        Files.writeString(en, "---\ntitle: Invoke types\n---\n## Sync\n\nThe default.\n");
        List<Passage> passages = new ArrayList<>(new CorpusReader(CorpusProperties.of(List.of(site.toString()))).read().passages());
        passages.addAll(threads(3));
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            synchronizer.synchronize(index, passages);
            index.withSearcher(searcher -> {
                for (PassageSearcher.Hit hit : searcher.top(new MatchAllDocsQuery(), 100)) {
                    Passage passage = searcher.passage(hit.doc());
                    assertThat(searcher.pageKey(hit.doc())).as(passage.id()).isEqualTo(passage.pageKey());
                    assertThat(searcher.rankedKind(hit.doc())).as(passage.id()).isEqualTo(passage.kind().rankedAs().label());
                }
                return null;
            });
        }
    }

    @Test
    void survivesARestartWithoutReembedding() throws IOException {
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            synchronizer.synchronize(index, threads(4));
        }
        try (PassageIndex reopened = PassageIndex.open(dir, documents)) {
            assertThat(reopened.size()).isEqualTo(4);
            assertThat(reopened.rebuiltOnOpen()).isFalse();
            assertThat(synchronizer.synchronize(reopened, threads(4)).embedded()).isZero();
        }
    }

    @Test
    void rebuildsACorruptIndexInsteadOfServingIt() throws IOException {
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            synchronizer.synchronize(index, threads(3));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            assertThat(index.rebuiltOnOpen()).isTrue();
            assertThat(index.size()).isZero();
            assertThat(synchronizer.synchronize(index, threads(3)).embedded()).isEqualTo(3);
            assertThat(index.size()).isEqualTo(3);
        }
    }

    @Test
    void rebuildsAForeignIndex() throws IOException {
        try (IndexWriter foreign = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            Document document = new Document();
            document.add(new StringField("something", "else", Field.Store.YES));
            foreign.addDocument(document);
            foreign.commit();
        }
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            assertThat(index.rebuiltOnOpen()).isTrue();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void aQueryInFlightKeepsItsViewWhileTheIndexChanges() throws IOException {
        try (PassageIndex index = PassageIndex.open(dir, documents)) {
            synchronizer.synchronize(index, threads(3));
            int seenDuringChange = index.withSearcher(searcher -> {
                synchronizer.synchronize(index, threads(5));
                return searcher.top(new MatchAllDocsQuery(), 10).size();
            });
            assertThat(seenDuringChange).isEqualTo(3);
            assertThat(index.size()).isEqualTo(5);
        }
    }
}
