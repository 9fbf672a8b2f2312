package io.sofastack.qa.index;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The on-disk index.
 *
 * @param dir the folder of the Lucene index; it survives restarts
 * @param embeddingBatch passages embedded per call of the embedding model
 * @param embeddingThreads threads of the embedding executor (ONNX Runtime uses them per batch)
 * @param onnxThreads threads ONNX Runtime uses for one embedding. One: a short question embeds as fast on
 *        one thread as on two (6.3 against 6.1 ms, bge-small-zh on this 2-core machine) for two thirds of
 *        the CPU, and indexing embeds on {@code embeddingThreads} threads at once anyway
 * @param maxDeletedFraction a synchronisation that would delete more than this share of the indexed
 *        passages is refused, unless forced (a half-mounted corpus must not wipe the knowledge)
 * @param embeddingCache whether embeddings are kept in and taken from the database (shared by replicas)
 * @param keepUnusable how many unusable index folders moved aside ({@code <dir>.unusable-<time>}) are kept
 * @param mergeToOneSegment whether a synchronisation that changed the index merges it into one segment
 *        afterwards: a question looks each of its terms up, and sets up its scorers, once per segment
 *        (the whole site in one segment instead of three: one client 19.0 against 20.6 ms p50, 8 clients
 *        96 against 80 req/s; the merge takes about 4.5 s of one core, off the path of questions)
 * @param simd whether questions compare their vector with the passages' by the JDK's Vector API when
 *        the JVM has it ({@code --add-modules jdk.incubator.vector}, which README's run command gives):
 *        the same similarities to the last bits, in less than half the time on AVX-512 cores
 * @param catchUpNice how much lower (Linux nice, 0 to 19; 0: not at all) the start's synchronisation is
 *        scheduled when the index on disk already serves, so that the first questions after a restart
 *        do not share the cores with it ({@link IndexStartup})
 */
@Validated
@ConfigurationProperties("qa.index")
public record IndexProperties(@DefaultValue("qa-index") @NotBlank String dir,
                              @DefaultValue("16") @Min(1) @Max(256) int embeddingBatch,
                              @DefaultValue("2") @Min(1) @Max(64) int embeddingThreads,
                              @DefaultValue("1") @Min(1) @Max(64) int onnxThreads,
                              @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double maxDeletedFraction,
                              @DefaultValue("1") @Min(0) @Max(100) int keepUnusable,
                              @DefaultValue("true") boolean embeddingCache,
                              @DefaultValue("true") boolean mergeToOneSegment,
                              @DefaultValue("true") boolean simd,
                              @DefaultValue("19") @Min(0) @Max(19) int catchUpNice) {

    /** The defaults with another folder, without the embedding cache: for tests and tools. */
    public static IndexProperties of(String dir) {
        return new IndexProperties(dir, 16, 2, 1, 0.2, 1, false, true, true, 19);
    }
}
