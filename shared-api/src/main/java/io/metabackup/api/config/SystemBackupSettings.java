package io.metabackup.api.config;

import java.util.UUID;

/** The automated system backup: where, how often, with which key, and how many to keep. */
public record SystemBackupSettings(Boolean enabled,
                                   String schedule,
                                   UUID destinationId,
                                   UUID encryptionProfileId,
                                   Boolean includeSecrets,
                                   Integer retention) {

    public static final String DEFAULT_SCHEDULE = "0 3 * * *";
    public static final int DEFAULT_RETENTION = 10;

    public SystemBackupSettings {
        enabled = enabled != null && enabled;
        schedule = schedule == null ? DEFAULT_SCHEDULE : schedule;
        includeSecrets = includeSecrets != null && includeSecrets;
        retention = retention == null ? DEFAULT_RETENTION : retention;
    }

    public static SystemBackupSettings defaults() {
        return new SystemBackupSettings(null, null, null, null, null, null);
    }
}
