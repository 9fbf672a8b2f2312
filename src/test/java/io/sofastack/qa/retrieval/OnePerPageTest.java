package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.IndexProperties;
import io.sofastack.qa.index.PassageSearcher.Hit;
import io.sofastack.qa.ingest.CorpusProperties;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.KnowledgeSource;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

class OnePerPageTest {

    @TempDir
    Path work;

    /** Every text at the same point: the order of the hits is set by the test, not by similarity. */
    private static final class SamePoint implements EmbeddingModel {
        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            List<Embedding> embeddings = new ArrayList<>();
            for (int i = 0; i < request.getInstructions().size(); i++) {
                embeddings.add(new Embedding(point(), i));
            }
            return new EmbeddingResponse(embeddings);
        }

        @Override
        public float[] embed(Document document) {
            return point();
        }

        @Override
        public int dimensions() {
            return 4;
        }

        private static float[] point() {
            return new float[] {1, 0, 0, 0};
        }
    }

    @Test
    void aPageAndItsTranslationAreOneEntryInTheQuestionsLanguageAndEachThreadIsItsOwn() throws IOException {
        Path site = work.resolve("site");
        Files.createDirectories(site.resolve("content/zh/projects/sofa-rpc/invoke-type"));
        Files.createDirectories(site.resolve("content/en/projects/sofa-rpc/invoke-type"));
        Files.writeString(site.resolve("content/zh/projects/sofa-rpc/invoke-type/index.md"),
                "---\ntitle: 调用方式\n---\n## 同步\n\n默认方式。\n\n## 异步\n\n用 future。\n");
        Files.writeString(site.resolve("content/en/projects/sofa-rpc/invoke-type/index.md"),
                "---\ntitle: Invoke types\n---\n## Sync\n\nThe default.\n");
        KnowledgeSource answers = new KnowledgeSource() {
            @Override
            public String name() {
                return "test answers";
            }

            @Override
            public String idPrefix() {
                return "community:";
            }

            @Override
            public List<Passage> passages() {
                return List.of(answer("community:a"), answer("community:b"));
            }
        };
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("answers", answers);
        try (ArchiveIndexer indexer = new ArchiveIndexer(new CorpusReader(CorpusProperties.of(List.of(site.toString()))),
                IndexProperties.of(work.resolve("index").toString()), new SamePoint(), JsonMapper.builder().build(),
                Clock.systemUTC(), null, beans.getBeanProvider(KnowledgeSource.class))) {
            indexer.synchronize();
            List<List<String>> found = indexer.index().withSearcher(searcher -> {
                // The English section first, then the Chinese ones, then the two answers.
                Map<Integer, Integer> rankOf = new java.util.HashMap<>();
                List<Hit> all = new ArrayList<>(searcher.top(new MatchAllDocsQuery(), 100));
                for (Hit hit : all) {
                    rankOf.put(hit.doc(), rank(searcher.passage(hit.doc())));
                }
                all.sort(Comparator.comparingInt((Hit hit) -> rankOf.get(hit.doc())));
                List<Candidate> fused = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    fused.add(new Candidate(all.get(i).doc(), 1.0 / (i + 1), i + 1, 1, 0, 0));
                }
                List<List<String>> ids = new ArrayList<>();
                for (String language : List.of("zh", "en")) {
                    ids.add(OnePerPage.entries(searcher, fused, language, 2).stream()
                            .map(Map.Entry::getValue).map(passage -> passage.language() + " " + passage.kind().label()).toList());
                }
                ids.add(OnePerPage.entries(searcher, fused, "zh", 10).stream()
                        .map(entry -> entry.getValue().id()).filter(id -> id.startsWith("community:")).toList());
                return ids;
            });
            assertThat(found.get(0)).containsExactly("zh doc", "zh community");
            assertThat(found.get(1)).containsExactly("en doc", "zh community");
            assertThat(found.get(2)).containsExactly("community:a", "community:b");
        }
    }

    private static int rank(Passage passage) {
        return passage.kind() == Passage.Kind.DOC ? (passage.language().equals("en") ? 0 : 1) : 2;
    }

    private static Passage answer(String id) {
        return Passage.community(id, "zh", "群里维护者的解答", "https://example.org/" + id, LocalDate.of(2026, 11, 30),
                "MOSN 怎么配置？", "这样配置。");
    }
}
