package io.sofastack.qa.retrieval;

/**
 * The parts retrieval is made of, each a bean of {@link RetrievalConfiguration}: replaceable in
 * tests and tools without touching the retriever.
 */
record RetrievalParts(Terms terms, BilingualLexicon lexicon, ScoreFusion fusion, AnswerabilityFeatures features,
                      AnswerabilityModel model) {
}
