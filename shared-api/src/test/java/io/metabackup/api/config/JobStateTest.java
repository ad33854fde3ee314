package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.metabackup.api.config.Samples.DESTINATION_A;
import static io.metabackup.api.config.Samples.DESTINATION_B;
import static io.metabackup.api.config.Samples.NOTIFICATION;
import static io.metabackup.api.config.Samples.PROFILE;
import static io.metabackup.api.config.Samples.SOURCE;
import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class JobStateTest {

    private static JobState minimal() {
        return new JobState("Nightly", SOURCE, List.of(DESTINATION_A), "0 3 * * *", null, null, null, null, null);
    }

    private static JobState withSchedule(String schedule) {
        return new JobState("Nightly", SOURCE, List.of(DESTINATION_A), schedule, null, null, null, null, null);
    }

    private static JobState withRetention(Integer keepLast) {
        return new JobState("Nightly", SOURCE, List.of(DESTINATION_A), "0 3 * * *", null, null, null,
                new Retention(keepLast), null);
    }

    @Test
    void theCompactConstructorAppliesDefaults() {
        JobState job = new JobState("Nightly", SOURCE, null, "0 3 * * *", null, null, null, null, null);

        assertThat(job.destinationIds()).isNotNull().isEmpty();
        assertThat(job.notificationIds()).isNotNull().isEmpty();
        assertThat(job.enabled()).isTrue();
        assertThat(job.compression()).isEqualTo(Compression.GZIP);
        assertThat(job.retention()).isEqualTo(new Retention(null));
        assertThat(job.encryptionProfileId()).isNull();
    }

    @Test
    void explicitValuesAreKept() {
        JobState job = Samples.job();

        assertThat(job.enabled()).isFalse();
        assertThat(job.compression()).isEqualTo(Compression.ZSTD);
        assertThat(job.retention().keepLast()).isEqualTo(7);
        assertThat(new JobState("n", SOURCE, List.of(DESTINATION_A), "@daily", false, null, Compression.NONE, null,
                null).compression()).isEqualTo(Compression.NONE);
    }

    @Test
    void listsAreCopied() {
        List<UUID> destinations = new ArrayList<>(List.of(DESTINATION_A));
        JobState job = new JobState("Nightly", SOURCE, destinations, "0 3 * * *", null, null, null, null, null);
        destinations.add(DESTINATION_B);

        assertThat(job.destinationIds()).containsExactly(DESTINATION_A);
    }

    @Test
    void validJobsHaveNoErrors() {
        assertThat(minimal().validate()).isEmpty();
        assertThat(Samples.job().validate()).isEmpty();
        assertThat(minimal().type()).isEqualTo(EntityType.JOB);
        assertThat(minimal().naturalKey()).isEqualTo("Nightly");
    }

    @Test
    void aJobWithNothingSetReportsEveryRequiredField() {
        JobState job = new JobState(null, null, null, null, null, null, null, null, null);

        assertThat(fields(job.validate())).containsExactly("name", "sourceId", "destinationIds", "schedule");
    }

    @Test
    void nameIsRequired() {
        JobState job = new JobState("", SOURCE, List.of(DESTINATION_A), "0 3 * * *", null, null, null, null, null);

        assertThat(fields(job.validate())).containsExactly("name");
    }

    @Test
    void sourceIsRequired() {
        JobState job = new JobState("Nightly", null, List.of(DESTINATION_A), "0 3 * * *", null, null, null, null, null);

        assertThat(job.validate()).containsExactly(new FieldError("sourceId", "is required"));
    }

    @Test
    void atLeastOneDestinationIsRequired() {
        JobState job = new JobState("Nightly", SOURCE, List.of(), "0 3 * * *", null, null, null, null, null);

        assertThat(fields(job.validate())).containsExactly("destinationIds");
    }

    @Test
    void destinationsMustNotRepeat() {
        JobState job = new JobState("Nightly", SOURCE, List.of(DESTINATION_A, DESTINATION_A), "0 3 * * *", null,
                null, null, null, null);

        assertThat(job.validate()).containsExactly(new FieldError("destinationIds", "must not contain duplicates"));
    }

    @Test
    void notificationsMustNotRepeat() {
        JobState job = new JobState("Nightly", SOURCE, List.of(DESTINATION_A), "0 3 * * *", null, null, null, null,
                List.of(NOTIFICATION, NOTIFICATION));

        assertThat(job.validate()).containsExactly(new FieldError("notificationIds", "must not contain duplicates"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 3 * * *", "0 0 3 * * *", "@daily", "@hourly", "*/10 * * * *"})
    void scheduleAcceptsClassicSpringAndMacroExpressions(String schedule) {
        assertThat(withSchedule(schedule).validate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nightly", "0 3 * *", "99 3 * * *", "@reboot"})
    void scheduleRefusesAnythingElse(String schedule) {
        assertThat(fields(withSchedule(schedule).validate())).containsExactly("schedule");
    }

    @Test
    void scheduleIsRequired() {
        assertThat(fields(withSchedule(null).validate())).containsExactly("schedule");
    }

    @Test
    void retentionKeepsAtLeastOneBackupWhenLimited() {
        assertThat(withRetention(null).validate()).isEmpty();
        assertThat(withRetention(1).validate()).isEmpty();
        assertThat(withRetention(0).validate()).containsExactly(new FieldError("retention.keepLast", "must be at least 1"));
        assertThat(fields(withRetention(-3).validate())).containsExactly("retention.keepLast");
    }

    @Test
    void referencesNameEveryPointerWithItsTargetTypeAndRequiredAdapterKind() {
        assertThat(Samples.job().references()).containsExactly(
                new Reference("sourceId", SOURCE, EntityType.ADAPTER, AdapterKind.DATABASE),
                new Reference("destinationIds[0]", DESTINATION_A, EntityType.ADAPTER, AdapterKind.STORAGE),
                new Reference("destinationIds[1]", DESTINATION_B, EntityType.ADAPTER, AdapterKind.STORAGE),
                new Reference("notificationIds[0]", NOTIFICATION, EntityType.ADAPTER, AdapterKind.NOTIFICATION),
                new Reference("encryptionProfileId", PROFILE, EntityType.ENCRYPTION_PROFILE, null));
    }

    @Test
    void referencesLeaveOutUnsetPointers() {
        JobState job = new JobState("Nightly", null, List.of(DESTINATION_B), "0 3 * * *", null, null, null, null, null);

        assertThat(job.references()).containsExactly(
                new Reference("destinationIds[0]", DESTINATION_B, EntityType.ADAPTER, AdapterKind.STORAGE));
        assertThat(new JobState(null, null, null, null, null, null, null, null, null).references()).isEmpty();
    }
}
