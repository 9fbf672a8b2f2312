package io.sofastack.qa.channel.http;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.IndexStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/reindex}: re-reads the knowledge and brings the index in line with it, in the
 * background; questions go on being answered from the current index until the new one is committed.
 * {@code ?force=true} accepts a synchronisation that deletes more than {@code qa.index.max-deleted-fraction}
 * of the index (after a real removal of content).
 * Off (404) unless {@code qa.admin.token} is set; the bearer token is compared in constant time.
 */
@RestController
class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    private final AdminAccess access;
    private final ArchiveIndexer indexer;
    private final AtomicBoolean running = new AtomicBoolean();

    AdminController(AdminAccess access, ArchiveIndexer indexer) {
        this.access = access;
        this.indexer = indexer;
    }

    @PostMapping("/api/admin/reindex")
    ResponseEntity<IndexStatus> reindex(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @RequestParam(name = "force", defaultValue = "false") boolean force) {
        access.check(authorization);
        if (!running.compareAndSet(false, true)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "reindex-running", "Re-index already running",
                    "A re-index is running; GET /api/index shows its progress.");
        }
        Thread reindex = new Thread(() -> {
            try {
                log.info("Re-index requested through the admin API{}", force ? ", forced" : "");
                indexer.synchronize(force);
            } finally {
                running.set(false);
            }
        }, "admin-reindex");
        reindex.setDaemon(true);
        reindex.start();
        return ResponseEntity.accepted().body(indexer.status());
    }
}
