/** Hybrid retrieval over the index, the bilingual lexicon, and the fitted answerability model. */
@ApplicationModule(allowedDependencies = {"index", "ingest", "cpu"})
package io.sofastack.qa.retrieval;

import org.springframework.modulith.ApplicationModule;
