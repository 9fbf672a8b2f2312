package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.Passage;
import io.sofastack.qa.ingest.QaThread;
import io.sofastack.qa.ingest.QaThread.Turn;
import java.io.IOException;
import io.sofastack.qa.MigratedH2;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A second replica (or a rebuilt index) takes the embeddings another one computed from the database. */
class EmbeddingCacheTest {

    @TempDir
    Path dir;

    private final PassageDocuments documents = new PassageDocuments(JsonMapper.builder().build());

    private JdbcClient database() {
        return JdbcClient.create(MigratedH2.at(dir.resolve("db/qa-bot")));
    }

    private static List<Passage> threads(int count) {
        List<Passage> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String question = "问题 " + i + "：MOSN 怎么配置？";
            threads.add(Passage.of(new QaThread("t" + i, "weekly/t" + i + ".md", "标题", LocalDate.of(2022, 2, 18),
                    "https://example.org/t" + i + "/", "张三", 1, question,
                    List.of(new Turn(Turn.Kind.QUESTION, question), new Turn(Turn.Kind.ANSWER, "回答 " + i)), List.of("MOSN")),
                    "zh", "weekly/t" + i + ".md"));
        }
        return threads;
    }

    @Test
    void aSecondIndexTakesTheEmbeddingsOfTheFirstFromTheDatabase() throws IOException {
        JdbcClient jdbc = database();
        CountingEmbeddingModel firstModel = new CountingEmbeddingModel();
        CountingEmbeddingModel secondModel = new CountingEmbeddingModel();
        EmbeddingCache cache = new EmbeddingCache(jdbc, "counting/" + firstModel.dimensions());

        SyncReport first;
        try (PassageIndex index = PassageIndex.open(dir.resolve("first"), documents)) {
            first = new IndexSynchronizer(firstModel, 4, 0.2, cache).synchronize(index, threads(6));
        }
        SyncReport second;
        try (PassageIndex index = PassageIndex.open(dir.resolve("second"), documents)) {
            second = new IndexSynchronizer(secondModel, 4, 0.2, new EmbeddingCache(jdbc, "counting/" + secondModel.dimensions()))
                    .synchronize(index, threads(7));
        }

        assertThat(first.embedded()).isEqualTo(6);
        assertThat(first.fromCache()).isZero();
        assertThat(second.embedded()).isEqualTo(7);
        assertThat(second.fromCache()).as("only the new passage is embedded").isEqualTo(6);
        assertThat(secondModel.embedded.get()).isEqualTo(1);
    }

    @Test
    void anotherModelDoesNotTakeTheseEmbeddings() {
        JdbcClient jdbc = database();
        EmbeddingCache bge = new EmbeddingCache(jdbc, "bge/512");
        EmbeddingCache other = new EmbeddingCache(jdbc, "other/512");

        bge.save(java.util.Map.of(bge.key("文本"), new float[] {0.5f, -0.25f}));

        assertThat(bge.find(List.of(bge.key("文本")))).hasEntrySatisfying(bge.key("文本"),
                vector -> assertThat(vector).containsExactly(0.5f, -0.25f));
        assertThat(other.find(List.of(other.key("文本")))).isEmpty();
    }
}
