package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.KnowledgeSource;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Knowledge kept outside the corpus (the accepted community answers) is indexed beside it: every
 * synchronisation takes it, one source can be brought up to date alone, and a source that cannot be
 * read costs nothing already indexed.
 */
class KnowledgeSourcesTest {

    @TempDir
    Path work;

    private final Source source = new Source();
    private ArchiveIndexer indexer;

    /** A source whose passages the test sets, and which fails when told to. */
    static final class Source implements KnowledgeSource {
        final List<Passage> passages = new ArrayList<>();
        boolean unreadable;

        @Override
        public String name() {
            return "test answers";
        }

        @Override
        public String idPrefix() {
            return "test:";
        }

        @Override
        public List<Passage> passages() {
            if (unreadable) {
                throw new IllegalStateException("database down");
            }
            return List.copyOf(passages);
        }
    }

    private static Passage answer(String id, String question, String answer) {
        return Passage.community(id, "zh", "群里维护者的解答", "https://example.org/" + id, LocalDate.of(2026, 11, 30), question, answer);
    }

    @BeforeEach
    void open() throws IOException {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("testAnswers", source);
        indexer = new ArchiveIndexer(new CorpusReader(CorpusProperties.of(List.of("data"))), IndexProperties.of(work.toString()),
                new CountingEmbeddingModel(), JsonMapper.builder().build(), Clock.systemUTC(), null,
                beans.getBeanProvider(KnowledgeSource.class));
    }

    @AfterEach
    void close() throws IOException {
        indexer.close();
    }

    private boolean indexed(String id) {
        return indexer.index().withSearcher(searcher -> searcher.top(
                new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(PassageDocuments.ID, id)), 1).size() == 1);
    }

    @Test
    void everySynchronisationTakesTheSourceBesideTheCorpus() {
        source.passages.add(answer("test:1", "Session 节点扩容要迁移数据吗？", "不需要。"));
        int corpusOnly = new CorpusReader(CorpusProperties.of(List.of("data"))).read().passages().size();

        IndexStatus status = indexer.synchronize();

        assertThat(status.passages()).isEqualTo(corpusOnly + 1);
        assertThat(indexed("test:1")).isTrue();
        Passage stored = indexer.index().withSearcher(searcher -> searcher.passage(searcher.top(
                new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(PassageDocuments.ID, "test:1")), 1).get(0).doc()));
        assertThat(stored.kind()).isEqualTo(Passage.Kind.COMMUNITY);
        assertThat(stored.answerText()).isEqualTo("不需要。");
    }

    @Test
    void oneSourceIsBroughtUpToDateAloneAndTouchesNothingElse() throws IOException {
        indexer.synchronize();
        int corpus = indexer.status().passages();
        source.passages.add(answer("test:1", "问一", "答一"));
        source.passages.add(answer("test:2", "问二", "答二"));
        indexer.synchronize(source);
        assertThat(indexer.status().passages()).isEqualTo(corpus + 2);

        source.passages.remove(0);
        SyncReport report = indexer.synchronize(source);

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(indexed("test:1")).isFalse();
        assertThat(indexed("test:2")).isTrue();
        assertThat(indexer.status().passages()).isEqualTo(corpus + 1);
    }

    @Test
    void aSourceThatCannotBeReadLeavesTheIndexAsItWas() throws IOException {
        source.passages.add(answer("test:1", "问一", "答一"));
        int before = indexer.synchronize().passages();
        source.unreadable = true;

        IndexStatus status = indexer.synchronize();

        assertThat(status.passages()).isEqualTo(before);
        assertThat(status.error()).contains("test answers");
        assertThat(indexed("test:1")).isTrue();
        assertThatThrownBy(() -> indexer.synchronize(source)).hasMessageContaining("database down");
        assertThat(indexed("test:1")).isTrue();
    }

    @Test
    void aSourceMayNotIndexPassagesOutsideItsPrefix() {
        source.passages.add(answer("qa:foreign", "问", "答"));
        assertThatThrownBy(() -> indexer.synchronize(source)).hasMessageContaining("lacks its prefix test:");
    }
}
