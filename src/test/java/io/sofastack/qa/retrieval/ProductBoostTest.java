package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.ArchiveAnalyzer;
import io.sofastack.qa.index.PassageDocuments;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A passage about the product a question names wins under BM25; naming a product alone finds nothing. */
class ProductBoostTest {

    private final LexicalQueries lexical = new LexicalQueries();

    @Test
    void thePassageAboutTheNamedProductRanksFirst() throws IOException {
        try (Directory directory = index(
                passage("mosn", "超时时间怎么设置", "MOSN"),
                passage("rpc", "超时时间怎么设置", "SOFARPC"),
                passage("other", "限流规则", "SOFARPC"))) {
            assertThat(ids(directory, "sofarpc 的超时时间怎么设置", 8f)).containsExactly("rpc", "mosn");
            assertThat(ids(directory, "mosn 的超时时间怎么设置", 8f)).containsExactly("mosn", "rpc");
        }
    }

    @Test
    void withoutABoostOrAProductNameTheTextAloneRanks() throws IOException {
        try (Directory directory = index(passage("mosn", "超时时间怎么设置", "MOSN"), passage("rpc", "超时时间怎么设置", "SOFARPC"))) {
            assertThat(lexical.forText("sofarpc 超时", 0f, List.of("SOFARPC"), 0f)).isEqualTo(lexical.forText("sofarpc 超时", 0f));
            assertThat(lexical.productsNamed("超时时间")).isEmpty();
            assertThat(lexical.forText("超时时间", 0f, List.of(), 8f)).isEqualTo(lexical.forText("超时时间", 0f));
            assertThat(ids(directory, "sofarpc 熔断", 8f)).isEmpty();
        }
    }

    private List<String> ids(Directory directory, String question, float productBoost) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            ScoreDoc[] hits = searcher.search(lexical.forText(question, 0f, lexical.productsNamed(question), productBoost), 10).scoreDocs;
            return Arrays.stream(hits).map(hit -> {
                try {
                    return searcher.storedFields().document(hit.doc).get(PassageDocuments.ID);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static Document passage(String id, String text, String product) {
        Document document = new Document();
        document.add(new StringField(PassageDocuments.ID, id, Field.Store.YES));
        document.add(new TextField(PassageDocuments.HEAD, text, Field.Store.NO));
        document.add(new TextField(PassageDocuments.BODY, text, Field.Store.NO));
        document.add(new StringField(PassageDocuments.PRODUCT, product, Field.Store.NO));
        return document;
    }

    private static Directory index(Document... documents) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ArchiveAnalyzer()))) {
            for (Document document : documents) {
                writer.addDocument(document);
            }
        }
        return directory;
    }
}
