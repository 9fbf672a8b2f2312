package io.sofastack.qa.index;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds or updates the index when the application has started, on its own thread: the service is
 * up (and health says DOWN) while a large archive is embedded.
 */
@Component
class IndexStartup {

    private final ArchiveIndexer indexer;

    IndexStartup(ArchiveIndexer indexer) {
        this.indexer = indexer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void synchronizeInBackground() {
        Thread startup = new Thread(indexer::synchronize, "index-startup");
        startup.setDaemon(true);
        startup.start();
    }
}
