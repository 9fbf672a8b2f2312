package io.sofastack.qa.retrieval;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Hybrid retrieval.
 *
 * @param minConfidence the estimated probability that the answer is right under which the bot abstains
 *        (chosen by 5-fold cross-validation on the dev queries: README, "Re-fit")
 * @param lexicalCandidates BM25 hits taken into fusion
 * @param vectorCandidates nearest neighbours of each kind taken into fusion (found exactly; a BM25 hit
 *        further away is compared with the question on its own)
 * @param similarityWeight how much a candidate's cosine similarity to the question counts in fusion
 *        against its BM25 score as a share of the best one's ({@link ScoreFusion}; chosen by 5-fold
 *        cross-validation on the dev queries: README, "Re-fit")
 * @param englishSimilarityWeight the same among the docs and article sections of a question mostly in Latin script
 *        (chosen with {@code similarityWeight}); threads, only in Chinese, are ranked by {@code similarityWeight}
 * @param rankConstant the k of the rank-agreement feature (reciprocal-rank fusion of the two rankings'
 *        ranks): larger flattens the weight of the first ranks
 * @param lexicalWeight weight of the BM25 rank in the rank-agreement feature
 * @param vectorWeight weight of the vector rank in the rank-agreement feature
 * @param headBoost how much more a match in a thread's first question counts than one in the rest of it
 * @param sectionHeadBoost how much more a match in a section's page title or headings counts than one in
 *        its text (which holds them too); a page's sections share its title, so a high weight ranks
 *        the page that names the product over the section that answers
 * @param productBoost how much a passage about a product the question names gains under BM25, in IDFs of
 *        that product (0: nothing)
 * @param maxQueryChars only this much of a question is searched for (longer text adds noise, not recall)
 * @param judgedPerKind how many of the first entries of each kind (threads, docs, articles) the answerability model judges
 * @param runnersUp how many entries after a judged one its coverage is compared with
 * @param lexicon the bilingual lexicon (a Spring resource location)
 * @param answerabilityModel the fitted answerability model (a Spring resource location)
 * @param maxConcurrent retrievals that run at once, the others waiting their turn; 0: one per core
 * @param queueTimeout a question that waits longer than this for its turn is refused as busy (HTTP 503)
 * @param nice how much lower than the rest of the bot the retrieval threads are scheduled (Linux nice
 *        values, 0 to 19; 0: the same), so that acknowledging webhooks never waits behind questions
 * @param passageTermsCache heap for the terms of the passages questions were last compared with (about
 *        6,000 passages of the site in 8 MB; 0 analyses every passage at every question)
 */
@Validated
@ConfigurationProperties("qa.retrieval")
public record RetrievalProperties(@DefaultValue("0.20") @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
                                  @DefaultValue("50") @Min(1) @Max(1000) int lexicalCandidates,
                                  @DefaultValue("100") @Min(1) @Max(1000) int vectorCandidates,
                                  @DefaultValue("3.0") @DecimalMin("0.0") double similarityWeight,
                                  @DefaultValue("0.0") @DecimalMin("0.0") double englishSimilarityWeight,
                                  @DefaultValue("60") @Min(1) @Max(1000) int rankConstant,
                                  @DefaultValue("1.0") @DecimalMin("0.0") double lexicalWeight,
                                  @DefaultValue("0.5") @DecimalMin("0.0") double vectorWeight,
                                  @DefaultValue("2.0") @DecimalMin("0.0") float headBoost,
                                  @DefaultValue("0.5") @DecimalMin("0.0") float sectionHeadBoost,
                                  @DefaultValue("8.0") @DecimalMin("0.0") float productBoost,
                                  @DefaultValue("400") @Min(10) @Max(10000) int maxQueryChars,
                                  @DefaultValue("1") @Min(1) @Max(20) int judgedPerKind,
                                  @DefaultValue("5") @Min(1) @Max(20) int runnersUp,
                                  @DefaultValue("classpath:lexicon/en-zh.tsv") @NotBlank String lexicon,
                                  @DefaultValue("classpath:answerability/model.json") @NotBlank String answerabilityModel,
                                  @DefaultValue("0") @Min(0) @Max(256) int maxConcurrent,
                                  @DefaultValue("10s") java.time.Duration queueTimeout,
                                  @DefaultValue("10") @Min(0) @Max(19) int nice,
                                  @DefaultValue("8MB") DataSize passageTermsCache) {
}
