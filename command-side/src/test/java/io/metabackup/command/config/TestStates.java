package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.JobState;
import io.metabackup.api.config.Retention;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.SsoProviderState;
import io.metabackup.api.config.SystemBackupSettings;
import io.metabackup.api.config.UserState;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid example states of every entity type; tests change one thing at a time. */
final class TestStates {

    static final String NIGHTLY = "0 3 * * *";

    private TestStates() {
    }

    static AdapterState postgres(String name) {
        return new AdapterState(name, AdapterKind.DATABASE, "postgres",
                Map.of("host", "db.internal", "port", 5432, "database", "orders"));
    }

    static AdapterState localStorage(String name) {
        return new AdapterState(name, AdapterKind.STORAGE, "local", Map.of("path", "/var/backups"));
    }

    static AdapterState webhook(String name) {
        return new AdapterState(name, AdapterKind.NOTIFICATION, "webhook",
                Map.of("url", "https://hooks.example.com/x"));
    }

    static JobState job(String name, UUID sourceId, UUID destinationId) {
        return new JobState(name, sourceId, List.of(destinationId), NIGHTLY, null, null, null, null, null);
    }

    static JobState withSchedule(JobState job, String schedule) {
        return new JobState(job.name(), job.sourceId(), job.destinationIds(), schedule, job.enabled(),
                job.encryptionProfileId(), job.compression(), job.retention(), job.notificationIds());
    }

    static JobState withDestinations(JobState job, UUID... destinationIds) {
        return new JobState(job.name(), job.sourceId(), List.of(destinationIds), job.schedule(), job.enabled(),
                job.encryptionProfileId(), job.compression(), job.retention(), job.notificationIds());
    }

    static JobState withEncryptionProfile(JobState job, UUID profileId) {
        return new JobState(job.name(), job.sourceId(), job.destinationIds(), job.schedule(), job.enabled(),
                profileId, job.compression(), job.retention(), job.notificationIds());
    }

    static JobState withRetention(JobState job, Integer keepLast) {
        return new JobState(job.name(), job.sourceId(), job.destinationIds(), job.schedule(), job.enabled(),
                job.encryptionProfileId(), job.compression(), new Retention(keepLast), job.notificationIds());
    }

    static GroupState group(String name, String... permissions) {
        return new GroupState(name, List.of(permissions));
    }

    static UserState user(String username, UUID... groupIds) {
        return new UserState(username, username + "@example.com", null, List.of(groupIds), null);
    }

    static EncryptionProfileState profile(String name) {
        return new EncryptionProfileState(name, "key for " + name);
    }

    static SsoProviderState sso(String providerId) {
        return new SsoProviderState(providerId, "Example IdP", "https://idp.example.com/realms/main", "metabackup",
                null, null);
    }

    static SettingsState settings(int concurrency, String timeZone) {
        return new SettingsState(concurrency, timeZone, null, null);
    }

    static SettingsState settingsWithBackup(SystemBackupSettings backup) {
        return new SettingsState(null, null, null, backup);
    }

    static SystemBackupSettings systemBackup(boolean enabled, UUID destinationId, UUID profileId,
                                             boolean includeSecrets) {
        return new SystemBackupSettings(enabled, null, destinationId, profileId, includeSecrets, null);
    }
}
