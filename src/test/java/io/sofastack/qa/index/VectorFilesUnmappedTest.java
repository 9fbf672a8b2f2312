package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFilesUnmappedTest {

    @TempDir
    Path dir;

    @Test
    void vectorFilesAreReadWithoutMappingThemAndEveryOtherFileAsLuceneWould() throws IOException {
        try (Directory directory = VectorFilesUnmapped.open(dir)) {
            for (String name : new String[] {"_0_Lucene99HnswVectorsFormat_0.vec", "_0.tim"}) {
                try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                    out.writeInt(42);
                }
            }
            try (IndexInput vectors = directory.openInput("_0_Lucene99HnswVectorsFormat_0.vec", IOContext.DEFAULT);
                 IndexInput terms = directory.openInput("_0.tim", IOContext.DEFAULT)) {
                assertThat(vectors.readInt()).isEqualTo(42);
                assertThat(terms.readInt()).isEqualTo(42);
                assertThat(vectors.getClass().getName()).contains("NIOFS");
                assertThat(terms.getClass().getName()).doesNotContain("NIOFS");
            }
        }
    }
}
