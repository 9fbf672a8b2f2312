package io.sofastack.qa.channel.http;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.index.IndexStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/index}: what the last read of the archive found, and the state of the index. */
@RestController
class IndexController {

    private final ArchiveIndexer indexer;

    IndexController(ArchiveIndexer indexer) {
        this.indexer = indexer;
    }

    @GetMapping("/api/index")
    IndexStatus status() {
        return indexer.status();
    }
}
