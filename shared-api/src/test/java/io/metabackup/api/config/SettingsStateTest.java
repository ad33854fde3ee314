package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static io.metabackup.api.config.Samples.DESTINATION_A;
import static io.metabackup.api.config.Samples.PROFILE;
import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class SettingsStateTest {

    private static SettingsState withBackup(Boolean enabled, String schedule, UUID destination, UUID profile,
                                            Boolean includeSecrets, Integer retention) {
        return new SettingsState(null, null, null,
                new SystemBackupSettings(enabled, schedule, destination, profile, includeSecrets, retention));
    }

    @Test
    void defaultsAreSane() {
        SettingsState settings = SettingsState.defaults();

        assertThat(settings.concurrency()).isEqualTo(2);
        assertThat(settings.timeZone()).isEqualTo("UTC");
        assertThat(settings.ui()).isNotNull().isEmpty();
        assertThat(settings.systemBackup()).isEqualTo(SystemBackupSettings.defaults());
        SystemBackupSettings backup = settings.systemBackup();
        assertThat(backup.enabled()).isFalse();
        assertThat(backup.schedule()).isEqualTo("0 3 * * *").isEqualTo(SystemBackupSettings.DEFAULT_SCHEDULE);
        assertThat(backup.destinationId()).isNull();
        assertThat(backup.encryptionProfileId()).isNull();
        assertThat(backup.includeSecrets()).isFalse();
        assertThat(backup.retention()).isEqualTo(10).isEqualTo(SystemBackupSettings.DEFAULT_RETENTION);
        assertThat(settings.validate()).isEmpty();
        assertThat(settings.references()).isEmpty();
    }

    @Test
    void describesItselfAsTheSingleton() {
        SettingsState settings = SettingsState.defaults();

        assertThat(settings.type()).isEqualTo(EntityType.SETTINGS);
        assertThat(settings.naturalKey()).isEqualTo("settings");
        assertThat(SettingsState.ID).isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(new UpdateSettingsCommand(settings, null).id()).isEqualTo(SettingsState.ID);
    }

    @Test
    void aPartlyGivenSystemBackupGetsDefaultsForTheRest() {
        SettingsState settings = withBackup(null, null, DESTINATION_A, null, null, null);

        assertThat(settings.systemBackup())
                .isEqualTo(new SystemBackupSettings(false, "0 3 * * *", DESTINATION_A, null, false, 10));
    }

    @Test
    void uiIsCopiedAndSorted() {
        SettingsState settings = new SettingsState(null, null, Map.of("z", 1, "a", 2), null);

        assertThat(settings.ui().keySet()).containsExactly("a", "z");
    }

    @Test
    void aFullyConfiguredSettingsIsValid() {
        assertThat(Samples.settings().validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 32, SettingsState.MAX_CONCURRENCY})
    void concurrencyBetweenOneAndTheMaximumIsAccepted(int concurrency) {
        assertThat(new SettingsState(concurrency, null, null, null).validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, SettingsState.MAX_CONCURRENCY + 1, 1000})
    void concurrencyOutsideTheRangeIsRefused(int concurrency) {
        assertThat(new SettingsState(concurrency, null, null, null).validate())
                .containsExactly(new FieldError("concurrency", "must be between 1 and 64"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/New_York", "Z", "+02:00", "GMT+2"})
    void timeZonesAreAccepted(String timeZone) {
        assertThat(new SettingsState(null, timeZone, null, null).validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Mars/Olympus_Mons", "Berlin", "utc+25", "Europe/Berlin "})
    void unknownTimeZonesAreRefused(String timeZone) {
        assertThat(fields(new SettingsState(null, timeZone, null, null).validate())).containsExactly("timeZone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 3 * * *", "0 0 4 * * SUN", "@weekly"})
    void systemBackupScheduleAcceptsCronExpressions(String schedule) {
        assertThat(withBackup(null, schedule, null, null, null, null).validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "daily", "0 3 * *", "0 25 * * *"})
    void systemBackupScheduleRefusesGarbage(String schedule) {
        assertThat(fields(withBackup(null, schedule, null, null, null, null).validate()))
                .containsExactly("systemBackup.schedule");
    }

    @Test
    void systemBackupKeepsAtLeastOneBackup() {
        assertThat(withBackup(null, null, null, null, null, 1).validate()).isEmpty();
        assertThat(withBackup(null, null, null, null, null, 0).validate())
                .containsExactly(new FieldError("systemBackup.retention", "must be at least 1"));
        assertThat(fields(withBackup(null, null, null, null, null, -5).validate()))
                .containsExactly("systemBackup.retention");
    }

    @Test
    void anEnabledSystemBackupNeedsADestination() {
        assertThat(fields(withBackup(true, null, null, null, null, null).validate()))
                .containsExactly("systemBackup.destinationId");
        assertThat(withBackup(true, null, DESTINATION_A, null, null, null).validate()).isEmpty();
        assertThat(withBackup(false, null, null, null, null, null).validate()).isEmpty();
    }

    @Test
    void includingSecretsNeedsAnEncryptionProfile() {
        assertThat(fields(withBackup(true, null, DESTINATION_A, null, true, null).validate()))
                .containsExactly("systemBackup.encryptionProfileId");
        assertThat(fields(withBackup(false, null, null, null, true, null).validate()))
                .containsExactly("systemBackup.encryptionProfileId");
        assertThat(withBackup(true, null, DESTINATION_A, PROFILE, true, null).validate()).isEmpty();
        assertThat(withBackup(true, null, DESTINATION_A, PROFILE, false, null).validate()).isEmpty();
    }

    @Test
    void everyBrokenRuleIsReported() {
        SettingsState settings = new SettingsState(0, "Nowhere/Land", null,
                new SystemBackupSettings(true, "never", null, null, true, 0));

        assertThat(fields(settings.validate())).containsExactly("concurrency", "timeZone", "systemBackup.schedule",
                "systemBackup.retention", "systemBackup.destinationId", "systemBackup.encryptionProfileId");
    }

    @Test
    void referencesNameTheDestinationAsAStorageAdapterAndTheEncryptionProfile() {
        assertThat(Samples.settings().references()).containsExactly(
                new Reference("systemBackup.destinationId", DESTINATION_A, EntityType.ADAPTER, AdapterKind.STORAGE),
                new Reference("systemBackup.encryptionProfileId", PROFILE, EntityType.ENCRYPTION_PROFILE, null));
        assertThat(withBackup(false, null, null, PROFILE, null, null).references()).containsExactly(
                new Reference("systemBackup.encryptionProfileId", PROFILE, EntityType.ENCRYPTION_PROFILE, null));
    }
}
