package io.metabackup.backup;

import io.metabackup.api.history.PointInTime;

import java.util.UUID;

/**
 * What to export.
 *
 * @param encryptionProfileId null for an unencrypted backup (only allowed without secrets)
 * @param trigger             recorded on the snapshot: {@code MANUAL} or {@code SCHEDULE}
 */
public record ExportOptions(UUID encryptionProfileId, boolean includeSecrets, PointInTime point, String trigger) {

    public static final String MANUAL = "MANUAL";
    public static final String SCHEDULE = "SCHEDULE";
}
