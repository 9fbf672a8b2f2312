package io.sofastack.qa.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * The index folder as Lucene opens it, except that vector files are read with positional reads
 * instead of being mapped into memory. Questions compare themselves with the copy of the vectors on
 * the heap ({@link SegmentVectors}), so the file is read once per segment; mapped, its pages would
 * stay resident beside that copy (17 MiB for the whole site).
 */
final class VectorFilesUnmapped extends FilterDirectory {

    private static final String VECTOR_FILE = ".vec";

    private final NIOFSDirectory unmapped;

    private VectorFilesUnmapped(Directory mapped, NIOFSDirectory unmapped) {
        super(mapped);
        this.unmapped = unmapped;
    }

    static Directory open(Path dir) throws IOException {
        return new VectorFilesUnmapped(FSDirectory.open(dir), new NIOFSDirectory(dir));
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        return name.endsWith(VECTOR_FILE) ? unmapped.openInput(name, context) : super.openInput(name, context);
    }

    @Override
    public void close() throws IOException {
        try {
            unmapped.close();
        } finally {
            super.close();
        }
    }
}
