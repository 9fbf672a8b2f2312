/** Reads the knowledge (weekly Q\&amp;A, docs, articles) into passages; knows nothing of Lucene, HTTP or chat. */
@ApplicationModule(allowedDependencies = {})
package io.sofastack.qa.ingest;

import org.springframework.modulith.ApplicationModule;
