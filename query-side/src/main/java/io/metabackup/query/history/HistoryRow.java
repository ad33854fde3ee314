package io.metabackup.query.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** A {@code config_history} row as it is written; {@link HistoryEntry} is the same row as it is read. */
record HistoryRow(EventPlace place, String actorId, String actorName, String source, String requestId,
                  String restoreId, String type, UUID entityId, String entityName, long version, HistoryAction action,
                  Long revertedToVersion, JsonNode changes, JsonNode stateAfter) {
}
