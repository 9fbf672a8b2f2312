/** Grounded answers from retrieved passages, extractive or written by an LLM, or an honest abstention. */
@ApplicationModule(allowedDependencies = {"retrieval", "ingest"})
package io.sofastack.qa.answer;

import org.springframework.modulith.ApplicationModule;
