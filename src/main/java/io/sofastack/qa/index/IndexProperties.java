package io.sofastack.qa.index;

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
 * @param embeddingBatch threads embedded per call of the embedding model
 * @param embeddingThreads threads of the embedding executor (ONNX Runtime uses them per batch)
 * @param onnxThreads threads ONNX Runtime uses for one embedding
 */
@Validated
@ConfigurationProperties("qa.index")
public record IndexProperties(@DefaultValue("qa-index") @NotBlank String dir,
                              @DefaultValue("16") @Min(1) @Max(256) int embeddingBatch,
                              @DefaultValue("2") @Min(1) @Max(64) int embeddingThreads,
                              @DefaultValue("2") @Min(1) @Max(64) int onnxThreads) {
}
