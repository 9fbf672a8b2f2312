package io.sofastack.qa.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real SOFAStack site lies beside the repository, when it does (in CI, not in a fresh clone). */
public final class SharedCorpus {

    public static final Path ROOT = Path.of("..", "shared", "corpus", "sofastack.tech");
    public static final Path DEV_QUERIES = Path.of("..", "shared", "eval", "dev.jsonl");
    public static final Path DEV_DOCS_QUERIES = Path.of("..", "shared", "eval", "dev-docs.jsonl");
    public static final Path DEV_UNANSWERABLE_QUERIES = Path.of("..", "shared", "eval", "dev-unanswerable.jsonl");

    private SharedCorpus() {
    }

    public static boolean isPresent() {
        return Files.isDirectory(ROOT.resolve("content"));
    }
}
