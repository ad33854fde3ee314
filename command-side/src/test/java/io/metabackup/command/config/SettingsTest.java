package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.DeleteConfigEntityCommand;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.FieldError;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.SystemBackupSettings;
import io.metabackup.api.config.UpdateSettingsCommand;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.fieldErrors;
import static io.metabackup.command.config.ConfigMatchers.invalidReferenceOn;
import static io.metabackup.command.config.ConfigMatchers.onlyCreated;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.ConfigMatchers.validationFailedOn;
import static io.metabackup.command.config.TestStates.localStorage;
import static io.metabackup.command.config.TestStates.postgres;
import static io.metabackup.command.config.TestStates.profile;
import static io.metabackup.command.config.TestStates.settings;
import static io.metabackup.command.config.TestStates.settingsWithBackup;
import static io.metabackup.command.config.TestStates.systemBackup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The settings singleton: written with {@link UpdateSettingsCommand}, created on first use, never deleted. */
class SettingsTest extends ConfigEntityTestSupport {

    private static final UUID ID = SettingsState.ID;

    private final UUID destinationId = UUID.randomUUID();
    private final UUID profileId = UUID.randomUUID();

    // --- first write creates --------------------------------------------------------------------------------------

    @Test
    void createsTheSettingsAtVersionZeroOnFirstUse() {
        SettingsState state = settings(4, "Europe/Berlin");

        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(state, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.id()).isEqualTo(ID);
                    assertThat(event.version()).isZero();
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.secrets()).isEmpty();
                    // changed compared with the defaults readers showed before
                    assertThat(event.changedFields()).containsExactly("concurrency", "timeZone");
                }));
    }

    @Test
    void acceptsTheNeverWrittenVersionOnFirstUse() {
        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(settings(4, "UTC"), -1L))
                .expectEventsMatching(onlyCreated(event -> assertThat(event.version()).isZero()));
    }

    @Test
    void refusesAnyOtherExpectedVersionOnFirstUse() {
        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(settings(4, "UTC"), 0L))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT))
                .expectExceptionMessage(containsString("never been written"))
                .expectNoEvents();
    }

    @Test
    void checksTheRulesOnFirstUse() {
        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(settings(0, "UTC"), null))
                .expectException(validationFailedOn("concurrency"))
                .expectNoEvents();
    }

    // --- later writes update --------------------------------------------------------------------------------------

    @Test
    void updatesTheSettingsAfterwardsWithOnlyTheChangedFields() {
        SettingsState newState = settings(8, "Europe/Berlin");

        fixture.given(existing(ID, settings(4, "Europe/Berlin")))
                .when(new UpdateSettingsCommand(newState, 0L))
                .expectResultMessagePayload(1L)
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.id()).isEqualTo(ID);
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.state()).isEqualTo(newState);
                    assertThat(event.changedFields()).containsExactly("concurrency");
                }));
    }

    @Test
    void emitsNothingWhenTheSettingsDoNotChange() {
        fixture.given(existing(ID, settings(4, "Europe/Berlin")))
                .when(new UpdateSettingsCommand(settings(4, "Europe/Berlin"), 0L))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void refusesAStaleExpectedVersion() {
        ConfigEntityCreatedEvent created = existing(ID, settings(4, "UTC"));

        fixture.given(created, updated(created, settings(8, "UTC")))
                .when(new UpdateSettingsCommand(settings(16, "UTC"), 0L))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT,
                        e -> assertThat(e.properties()).containsEntry("currentVersion", 1L)))
                .expectNoEvents();
    }

    @Test
    void refusesTheNeverWrittenVersionOnceWritten() {
        fixture.given(existing(ID, settings(4, "UTC")))
                .when(new UpdateSettingsCommand(settings(8, "UTC"), -1L))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void checksTheRulesOnLaterWrites() {
        fixture.given(existing(ID, settings(4, "UTC")))
                .when(new UpdateSettingsCommand(settings(4, "Mars/Olympus_Mons"), 0L))
                .expectException(validationFailedOn("timeZone"))
                .expectNoEvents();
    }

    // --- not created nor deleted like other entities --------------------------------------------------------------

    @Test
    void cannotBeCreatedWithCreateConfigEntityCommand() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(ID, settings(4, "UTC"), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(containsString("Settings are written with PUT /api/config/settings"))
                .expectNoEvents();
    }

    @Test
    void cannotBeCreatedUnderAnyOtherId() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(UUID.randomUUID(), SettingsState.defaults(), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotBeDeleted() {
        fixture.given(existing(ID, settings(4, "UTC")))
                .when(new DeleteConfigEntityCommand(ID, EntityType.SETTINGS, 0L))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage("Settings cannot be deleted")
                .expectNoEvents();
    }

    @Test
    void cannotBeDeletedAsAnotherType() {
        fixture.given(existing(ID, settings(4, "UTC")))
                .when(new DeleteConfigEntityCommand(ID, EntityType.ADAPTER, null))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    // --- the automated system backup ------------------------------------------------------------------------------

    @Test
    void refusesAnEnabledSystemBackupWithoutDestination() {
        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(settingsWithBackup(systemBackup(true, null, null, false)), null))
                .expectException(validationFailedOn("systemBackup.destinationId"))
                .expectNoEvents();
    }

    @Test
    void refusesToEnableTheSystemBackupWithoutDestinationLater() {
        fixture.given(existing(ID, settings(4, "UTC")))
                .when(new UpdateSettingsCommand(
                        new SettingsState(4, "UTC", null, systemBackup(true, null, null, false)), 0L))
                .expectException(validationFailedOn("systemBackup.destinationId"))
                .expectNoEvents();
    }

    @Test
    void refusesSecretsInTheSystemBackupWithoutEncryptionProfile() {
        index.add(destinationId, localStorage("Local disk"));

        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(
                        settingsWithBackup(systemBackup(true, destinationId, null, true)), null))
                .expectException(validationFailedOn("systemBackup.encryptionProfileId"))
                .expectNoEvents();
    }

    @Test
    void acceptsACompleteSystemBackup() {
        index.add(destinationId, localStorage("Local disk")).add(profileId, profile("Offsite"));
        SettingsState state = settingsWithBackup(systemBackup(true, destinationId, profileId, true));

        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(state, null))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.changedFields()).containsExactly("systemBackup.enabled",
                            "systemBackup.destinationId", "systemBackup.encryptionProfileId",
                            "systemBackup.includeSecrets");
                }));
    }

    @Test
    void refusesASystemBackupDestinationThatIsNotStorage() {
        index.add(destinationId, postgres("Orders DB"));

        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(
                        settingsWithBackup(systemBackup(true, destinationId, null, false)), null))
                .expectException(invalidReferenceOn("systemBackup.destinationId"))
                .expectNoEvents();
    }

    @Test
    void refusesASystemBackupEncryptionProfileThatDoesNotExist() {
        index.add(destinationId, localStorage("Local disk"));

        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(settingsWithBackup(systemBackup(true, destinationId, profileId, true)),
                        null))
                .expectException(invalidReferenceOn("systemBackup.encryptionProfileId"))
                .expectNoEvents();
    }

    @Test
    void refusesAnInvalidSystemBackupScheduleAndRetention() {
        fixture.givenNoPriorActivity()
                .when(new UpdateSettingsCommand(settingsWithBackup(
                        new SystemBackupSettings(false, "whenever", null, null, false, 0)), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, e -> assertThat(fieldErrors(e))
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("systemBackup.schedule", "systemBackup.retention")))
                .expectNoEvents();
    }

    @Test
    void keepsUiPreferencesAsOneField() {
        SettingsState state = new SettingsState(null, null, Map.of("theme", "dark"), null);

        fixture.given(existing(ID, SettingsState.defaults()))
                .when(new UpdateSettingsCommand(state, 0L))
                .expectEventsMatching(onlyUpdated(event -> assertThat(event.changedFields()).containsExactly("ui")));
    }

    @Test
    void noOtherEntityCanTakeTheSettingsId() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(ID, new io.metabackup.api.config.GroupState("g", null), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }
}
