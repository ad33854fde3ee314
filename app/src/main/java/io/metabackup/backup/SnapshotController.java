package io.metabackup.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.query.history.SnapshotStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The versioned snapshots exports (and the history) recorded, newest first. */
@RestController
class SnapshotController {

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final SnapshotStore snapshots;
    private final ObjectMapper json;

    SnapshotController(SnapshotStore snapshots, ObjectMapper json) {
        this.snapshots = snapshots;
        this.json = json;
    }

    @GetMapping("/api/snapshots")
    List<SnapshotView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging paging = Paging.of(page, size);
        return snapshots.list(paging.offset(), paging.size()).stream().map(this::view).toList();
    }

    private SnapshotView view(SnapshotStore.Snapshot snapshot) {
        try {
            return new SnapshotView(snapshot.version(), snapshot.coversPosition(), snapshot.eventTime(),
                    snapshot.createdAt(), snapshot.trigger(), snapshot.documentSha256(),
                    json.readValue(snapshot.counts(), COUNTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param position   every event up to this stream position is covered
     * @param timestamp  the time of the last configuration event covered (the document's {@code timestamp})
     * @param sha256     SHA-256 of the canonical document without secrets
     */
    record SnapshotView(long version, long position, Instant timestamp, Instant createdAt, String trigger,
                        String sha256, Map<String, Integer> entityCounts) {
    }
}
