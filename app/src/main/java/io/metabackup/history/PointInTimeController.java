package io.metabackup.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.history.ConfigurationState;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.ConfigurationDiff;
import io.metabackup.query.history.PointInTimeConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole configuration at any point, and what changed between two points. Literal paths beside
 * {@code /api/config/{type}}: Spring prefers the literal match, so "snapshot" and "diff" never reach that
 * controller as a type.
 */
@RestController
class PointInTimeController {

    private final PointInTimeConfiguration history;

    PointInTimeController(PointInTimeConfiguration history) {
        this.history = history;
    }

    /**
     * In backup-document shape with every secret as the placeholder; {@code pointInTime} says which stream
     * position (inclusive) and which event time it reflects.
     */
    @GetMapping("/api/config/snapshot")
    ObjectNode snapshot(@RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String position) {
        long resolved = history.resolve(HistoryParams.point(asOf, position));
        ConfigurationState state = history.at(PointInTime.atPosition(resolved));
        ObjectNode document = BackupDocument.tree(state, SecretValues.OMITTED);
        document.putObject("pointInTime").put("position", resolved)
                .put("instant", state.timestamp() == null ? null : state.timestamp().toString());
        return document;
    }

    /** {@code from} and {@code to} are each an ISO-8601 instant or a stream position; a missing one is "now". */
    @GetMapping("/api/config/diff")
    ConfigurationDiff diff(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        long fromPosition = history.resolve(HistoryParams.pointOrPosition("from", from));
        long toPosition = history.resolve(HistoryParams.pointOrPosition("to", to));
        return ConfigurationDiff.between(history.at(PointInTime.atPosition(fromPosition)), fromPosition,
                history.at(PointInTime.atPosition(toPosition)), toPosition);
    }
}
