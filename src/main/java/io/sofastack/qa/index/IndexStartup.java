package io.sofastack.qa.index;

import io.sofastack.qa.cpu.ThreadPriority;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds or updates the index when the application has started, on its own thread: the service is
 * up (and health says DOWN) while a large archive is embedded.
 *
 * <p>When the index on disk already serves (a restart), the synchronisation only catches up with
 * whatever changed meanwhile, and it runs at {@code qa.index.catch-up-nice}: reading and hashing the
 * whole corpus to find nothing changed takes over a second of CPU, which on 2 cores the first
 * questions after a restart would otherwise share with it. A first build, which nothing can be
 * answered without, keeps the normal priority.
 */
@Component
class IndexStartup {

    private final ArchiveIndexer indexer;
    private final ThreadPriority priority;
    private final int catchUpNice;

    IndexStartup(ArchiveIndexer indexer, ThreadPriority priority, IndexProperties properties) {
        this.indexer = indexer;
        this.priority = priority;
        this.catchUpNice = properties.catchUpNice();
    }

    @EventListener(ApplicationReadyEvent.class)
    void synchronizeInBackground() {
        Thread startup = new Thread(this::synchronize, "index-startup");
        startup.setDaemon(true);
        startup.start();
    }

    void synchronize() {
        if (catchUpNice > 0 && indexer.status().ready()) {
            priority.lowerCurrentThread(catchUpNice);
        }
        indexer.synchronize();
    }
}
