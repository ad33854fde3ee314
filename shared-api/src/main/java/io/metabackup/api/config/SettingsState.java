package io.metabackup.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The system settings singleton. */
public record SettingsState(Integer concurrency, String timeZone, Map<String, Object> ui,
                            SystemBackupSettings systemBackup) implements EntityState {

    /** The settings aggregate's fixed identifier. */
    public static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final int MAX_CONCURRENCY = 64;

    public SettingsState {
        concurrency = concurrency == null ? 2 : concurrency;
        timeZone = timeZone == null ? "UTC" : timeZone;
        ui = ui == null ? Map.of() : new TreeMap<>(ui);
        systemBackup = systemBackup == null ? SystemBackupSettings.defaults() : systemBackup;
    }

    public static SettingsState defaults() {
        return new SettingsState(null, null, null, null);
    }

    @Override
    public EntityType type() {
        return EntityType.SETTINGS;
    }

    @Override
    public String naturalKey() {
        return "settings";
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        if (systemBackup.destinationId() != null) {
            references.add(Reference.toAdapter("systemBackup.destinationId", systemBackup.destinationId(),
                    AdapterKind.STORAGE));
        }
        if (systemBackup.encryptionProfileId() != null) {
            references.add(Reference.to("systemBackup.encryptionProfileId", systemBackup.encryptionProfileId(),
                    EntityType.ENCRYPTION_PROFILE));
        }
        return references;
    }

    @Override
    public List<FieldError> validate() {
        SystemBackupSettings backup = systemBackup;
        return new Validation()
                .require(concurrency >= 1 && concurrency <= MAX_CONCURRENCY, "concurrency",
                        "must be between 1 and " + MAX_CONCURRENCY)
                .zone("timeZone", timeZone)
                .cron("systemBackup.schedule", backup.schedule())
                .require(backup.retention() >= 1, "systemBackup.retention", "must be at least 1")
                .require(!backup.enabled() || backup.destinationId() != null, "systemBackup.destinationId",
                        "is required when the automated system backup is enabled")
                .require(!backup.includeSecrets() || backup.encryptionProfileId() != null,
                        "systemBackup.encryptionProfileId",
                        "is required when the backup includes secrets: secrets are only written encrypted")
                .errors();
    }
}
