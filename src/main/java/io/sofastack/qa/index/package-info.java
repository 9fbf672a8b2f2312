/** The Lucene index of passages: fields, writer, searches, embeddings stored beside the text. */
@ApplicationModule(allowedDependencies = {"ingest", "cpu"})
package io.sofastack.qa.index;

import org.springframework.modulith.ApplicationModule;
