package io.metabackup.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.history.HistoryEntry;
import io.metabackup.query.history.HistoryQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Who changed what and when: filtered history, and the versions of one entity. */
@RestController
@RequestMapping("/api/history")
class HistoryController {

    static final int MAX_PAGE_SIZE = 500;

    private final HistoryQueries history;

    HistoryController(HistoryQueries history) {
        this.history = history;
    }

    @GetMapping
    HistoryQueries.HistoryPage search(@RequestParam(required = false) String type,
                                      @RequestParam(required = false) String id,
                                      @RequestParam(required = false) String actor,
                                      @RequestParam(required = false) String source,
                                      @RequestParam(required = false) String action,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return history.search(HistoryParams.filter(type, id, actor, source, action, from, to),
                HistoryParams.page(page), HistoryParams.size(size, MAX_PAGE_SIZE));
    }

    /** Oldest first, as versions are numbered. */
    @GetMapping("/entities/{id}/versions")
    List<HistoryEntry> versions(@PathVariable UUID id) {
        List<HistoryEntry> versions = history.versions(id);
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions;
    }

    @GetMapping("/entities/{id}/versions/{version}")
    VersionResponse version(@PathVariable UUID id, @PathVariable long version) {
        HistoryQueries.EntityVersion found = history.version(id, version).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_FOUND, "Entity " + id + " has no version " + version));
        return new VersionResponse(found.entry(), found.state());
    }

    private static DomainException notFound(UUID id) {
        return new DomainException(ErrorCode.NOT_FOUND, "History knows no entity with id " + id);
    }

    /**
     * @param change the change that made this version
     * @param entity the whole entity after it in API shape (secret names only); {@code null} for a deletion
     */
    record VersionResponse(HistoryEntry change, JsonNode entity) {
    }
}
