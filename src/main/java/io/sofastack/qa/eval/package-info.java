/** The evaluation command and the choice of the abstention threshold. */
@ApplicationModule(allowedDependencies = {"retrieval", "index", "ingest"})
package io.sofastack.qa.eval;

import org.springframework.modulith.ApplicationModule;
