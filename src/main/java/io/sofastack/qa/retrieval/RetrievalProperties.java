package io.sofastack.qa.retrieval;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Hybrid retrieval.
 *
 * @param minConfidence under this confidence of the best thread, the bot abstains
 * @param lexicalCandidates BM25 hits taken into fusion
 * @param vectorCandidates nearest neighbours asked of the vector index (HNSW misses true neighbours with a small k)
 * @param rankConstant the k of reciprocal rank fusion: larger flattens the weight of the first ranks
 * @param lexicalWeight weight of the BM25 ranking in fusion
 * @param vectorWeight weight of the vector ranking in fusion
 * @param questionBoost how much more a match in the first question counts than one elsewhere in the thread
 * @param maxQueryChars only this much of a question is searched for (longer text adds noise, not recall)
 */
@Validated
@ConfigurationProperties("qa.retrieval")
public record RetrievalProperties(@DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
                                  @DefaultValue("50") @Min(1) @Max(1000) int lexicalCandidates,
                                  @DefaultValue("100") @Min(1) @Max(1000) int vectorCandidates,
                                  @DefaultValue("60") @Min(1) @Max(1000) int rankConstant,
                                  @DefaultValue("1.0") @DecimalMin("0.0") double lexicalWeight,
                                  @DefaultValue("0.5") @DecimalMin("0.0") double vectorWeight,
                                  @DefaultValue("2.0") @DecimalMin("0.0") float questionBoost,
                                  @DefaultValue("400") @Min(10) @Max(10000) int maxQueryChars) {
}
