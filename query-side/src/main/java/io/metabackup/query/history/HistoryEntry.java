package io.metabackup.query.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One configuration change as history shows it.
 *
 * @param type    the type's path name ({@code adapters}, {@code settings}, ...)
 * @param changes {@code [{field, before, after}]}; a secret as {@code {field, changed: true}}
 */
public record HistoryEntry(long position, Instant time, String actorId, String actorName, String source,
                           String requestId, String restoreId, String type, UUID entityId, String entityName,
                           long version, HistoryAction action, Long revertedToVersion, JsonNode changes) {
}
