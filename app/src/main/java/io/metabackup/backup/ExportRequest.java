package io.metabackup.backup;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * The body of {@code POST /api/system-backup/export}.
 *
 * @param asOf an ISO-8601 instant or a stream position; absent for the current configuration
 */
public record ExportRequest(UUID encryptionProfileId, Boolean includeSecrets, JsonNode asOf) {
}
