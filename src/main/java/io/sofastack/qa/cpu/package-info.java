/**
 * Who gets the cores first: background work (retrieval's workers, the JIT's optimising compiler) is
 * scheduled below the threads that acknowledge webhooks and start the service.
 */
@ApplicationModule(allowedDependencies = {})
package io.sofastack.qa.cpu;

import org.springframework.modulith.ApplicationModule;
