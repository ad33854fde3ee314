package io.metabackup.api.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.metabackup.api.config.Samples.DESTINATION_A;
import static io.metabackup.api.config.Samples.DESTINATION_B;
import static io.metabackup.api.config.Samples.PROFILE;
import static io.metabackup.api.config.Samples.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

class ChangedFieldsTest {

    private static final Map<String, SealedSecret> NONE = Map.of();

    private static SealedSecret sealed(String ciphertext, String fingerprint) {
        return new SealedSecret(ciphertext, fingerprint);
    }

    private static JobState job(String name, String schedule, Integer keepLast) {
        return new JobState(name, SOURCE, List.of(DESTINATION_A), schedule, null, null, null, new Retention(keepLast),
                null);
    }

    @Test
    void creationListsOnlyTheFieldsThatAreSet() {
        JobState job = new JobState("Nightly", SOURCE, List.of(DESTINATION_A), "0 3 * * *", null, null, null, null,
                null);

        assertThat(ChangedFields.between(null, job, NONE, NONE))
                .containsExactly("name", "sourceId", "destinationIds", "schedule", "enabled", "compression");
    }

    @Test
    void creationDescendsIntoNestedRecords() {
        assertThat(ChangedFields.between(null, Samples.job(), NONE, NONE)).containsExactly("name", "sourceId",
                "destinationIds", "schedule", "enabled", "encryptionProfileId", "compression", "retention.keepLast",
                "notificationIds");
    }

    @Test
    void creationLeavesOutNullFieldsAndEmptyCollectionsAndMaps() {
        AdapterState adapter = new AdapterState("Local", AdapterKind.STORAGE, "local", Map.of());
        UserState user = new UserState("alice", null, null, List.of(), null);

        assertThat(ChangedFields.between(null, adapter, NONE, NONE)).containsExactly("name", "kind", "adapterType");
        assertThat(ChangedFields.between(null, user, NONE, NONE)).containsExactly("username", "enabled");
    }

    @Test
    void creationOfSettingsReportsNestedDefaultsByPath() {
        assertThat(ChangedFields.between(null, SettingsState.defaults(), NONE, NONE)).containsExactly("concurrency",
                "timeZone", "systemBackup.enabled", "systemBackup.schedule", "systemBackup.includeSecrets",
                "systemBackup.retention");
    }

    @Test
    void creationListsEverySecretThatIsSet() {
        Map<String, SealedSecret> secrets = Map.of("password", sealed("c1", "f1"));

        assertThat(ChangedFields.between(null, new UserState("alice", null, null, null, null), NONE, secrets))
                .containsExactly("username", "enabled", "secrets.password");
    }

    @Test
    void anUnchangedStateHasNoChangedFields() {
        assertThat(ChangedFields.between(Samples.job(), Samples.job(), NONE, NONE)).isEmpty();
        assertThat(ChangedFields.between(Samples.settings(), Samples.settings(), NONE, NONE)).isEmpty();
    }

    @Test
    void anUpdateListsOnlyTheTopLevelFieldsThatDiffer() {
        JobState before = job("Nightly", "0 3 * * *", 5);
        JobState after = job("Nightly orders", "0 3 * * *", 5);

        assertThat(ChangedFields.between(before, after, NONE, NONE)).containsExactly("name");
    }

    @Test
    void anUpdateReportsAClearedField() {
        UserState before = new UserState("alice", "alice@example.com", null, null, null);
        UserState after = new UserState("alice", null, null, null, null);

        assertThat(ChangedFields.between(before, after, NONE, NONE)).containsExactly("email");
    }

    @Test
    void anUpdateReportsNestedRecordFieldsByTheirPath() {
        assertThat(ChangedFields.between(job("n", "0 3 * * *", 5), job("n", "0 3 * * *", 6), NONE, NONE))
                .containsExactly("retention.keepLast");
        assertThat(ChangedFields.between(job("n", "0 3 * * *", 5), job("n", "0 3 * * *", null), NONE, NONE))
                .containsExactly("retention.keepLast");
    }

    @Test
    void aChangedSystemBackupScheduleIsReportedAsSystemBackupSchedule() {
        SettingsState before = SettingsState.defaults();
        SettingsState after = new SettingsState(null, null, null,
                new SystemBackupSettings(null, "0 4 * * *", null, null, null, null));

        assertThat(ChangedFields.between(before, after, NONE, NONE)).containsExactly("systemBackup.schedule");
    }

    @Test
    void severalNestedAndTopLevelChangesAreReportedInDeclarationOrder() {
        SettingsState before = SettingsState.defaults();
        SettingsState after = new SettingsState(4, null, Map.of("theme", "dark"),
                new SystemBackupSettings(true, null, DESTINATION_B, PROFILE, null, 3));

        assertThat(ChangedFields.between(before, after, NONE, NONE)).containsExactly("concurrency", "ui",
                "systemBackup.enabled", "systemBackup.destinationId", "systemBackup.encryptionProfileId",
                "systemBackup.retention");
    }

    @Test
    void mapsAndListsAreComparedAsAWhole() {
        AdapterState before = new AdapterState("a", AdapterKind.STORAGE, "s3", Map.of("bucket", "b", "region", "eu"));
        AdapterState after = new AdapterState("a", AdapterKind.STORAGE, "s3", Map.of("bucket", "b", "region", "us"));

        assertThat(ChangedFields.between(before, after, NONE, NONE)).containsExactly("settings");
        assertThat(ChangedFields.between(before, new AdapterState("a", AdapterKind.STORAGE, "s3",
                Map.of("region", "eu", "bucket", "b")), NONE, NONE)).isEmpty();
    }

    @Test
    void aSecretWithADifferentFingerprintIsReported() {
        Map<String, SealedSecret> before = Map.of("password", sealed("c1", "f1"));
        Map<String, SealedSecret> after = Map.of("password", sealed("c2", "f2"));

        assertThat(ChangedFields.between(Samples.user(), Samples.user(), before, after))
                .containsExactly("secrets.password");
    }

    @Test
    void aResealedSecretWithTheSameFingerprintIsNotReported() {
        Map<String, SealedSecret> before = Map.of("password", sealed("c1", "f1"));
        Map<String, SealedSecret> after = Map.of("password", sealed("a-fresh-iv-gives-other-ciphertext", "f1"));

        assertThat(ChangedFields.between(Samples.user(), Samples.user(), before, after)).isEmpty();
    }

    @Test
    void addedAndRemovedSecretsAreReportedInNameOrder() {
        AdapterState adapter = Samples.adapter();
        Map<String, SealedSecret> before = Map.of("password", sealed("c1", "f1"), "token", sealed("c2", "f2"),
                "apiKey", sealed("c3", "f3"));
        Map<String, SealedSecret> after = Map.of("password", sealed("c1", "f1"), "sshKey", sealed("c4", "f4"),
                "apiKey", sealed("c5", "f3-changed"));

        assertThat(ChangedFields.between(adapter, adapter, before, after))
                .containsExactly("secrets.apiKey", "secrets.sshKey", "secrets.token");
    }

    @Test
    void stateChangesComeBeforeSecretChanges() {
        assertThat(ChangedFields.between(new UserState("alice", null, null, null, null),
                new UserState("alice", null, "Alice", null, null),
                NONE, Map.of("password", sealed("c", "f"))))
                .containsExactly("displayName", "secrets.password");
    }

    @Test
    void theSecretPrefixIsSecretsDot() {
        assertThat(ChangedFields.SECRET_PREFIX).isEqualTo("secrets.");
    }
}
