package io.metabackup.command.config;

import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.JobState;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.invalidReferenceOn;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.ConfigMatchers.validationFailedOn;
import static io.metabackup.command.config.TestStates.group;
import static io.metabackup.command.config.TestStates.job;
import static io.metabackup.command.config.TestStates.localStorage;
import static io.metabackup.command.config.TestStates.postgres;
import static io.metabackup.command.config.TestStates.withDestinations;
import static io.metabackup.command.config.TestStates.withRetention;
import static io.metabackup.command.config.TestStates.withSchedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Changing the ordinary state of an entity: {@link UpdateConfigEntityCommand}. */
class UpdateConfigEntityTest extends ConfigEntityTestSupport {

    private final UUID id = UUID.randomUUID();

    // --- updated event --------------------------------------------------------------------------------------------

    @Test
    void emitsTheNextVersionWithTheNewStateAndOnlyTheChangedFields() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"), Map.of("password", "s3cret"));
        AdapterState newState = postgres("Orders database");

        fixture.given(created)
                .when(new UpdateConfigEntityCommand(id, 0L, newState, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L)
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.id()).isEqualTo(id);
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.state()).isEqualTo(newState);
                    assertThat(event.changedFields()).containsExactly("name");
                    // secrets not named in the command stay exactly as they were
                    assertThat(event.secrets()).isEqualTo(created.secrets());
                }));
    }

    @Test
    void countsVersionsOnFromTheLastEvent() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));
        ConfigEntityUpdatedEvent first = updated(created, postgres("Orders v2"));
        ConfigEntityUpdatedEvent second = updated(first, postgres("Orders v3"));

        fixture.given(created, first, second)
                .when(new UpdateConfigEntityCommand(id, 2L, postgres("Orders DB"), null, null))
                .expectResultMessagePayload(3L)
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.version()).isEqualTo(3);
                    assertThat(event.changedFields()).containsExactly("name");
                }));
    }

    @Test
    void listsEveryChangedFieldAndDescendsIntoNestedRecords() {
        UUID sourceId = UUID.randomUUID();
        UUID destinationId = UUID.randomUUID();
        UUID otherDestinationId = UUID.randomUUID();
        index.add(sourceId, postgres("Orders DB")).add(destinationId, localStorage("Local disk"))
                .add(otherDestinationId, localStorage("NAS"));
        JobState before = job("Nightly", sourceId, destinationId);
        JobState after = withRetention(withSchedule(withDestinations(before, destinationId, otherDestinationId),
                "30 2 * * *"), 7);

        fixture.given(existing(id, before))
                .when(new UpdateConfigEntityCommand(id, 0L, after, null, null))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.state()).isEqualTo(after);
                    assertThat(event.changedFields())
                            .containsExactly("destinationIds", "schedule", "retention.keepLast");
                }));
    }

    @Test
    void emitsNothingWhenNothingChanges() {
        fixture.given(existing(id, postgres("Orders DB"), Map.of("password", "s3cret")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void emitsNothingWhenNothingChangesAtALaterVersion() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));
        ConfigEntityUpdatedEvent renamed = updated(created, postgres("Orders"));

        fixture.given(created, renamed)
                .when(new UpdateConfigEntityCommand(id, null, renamed.state(), null, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    // --- versions -------------------------------------------------------------------------------------------------

    @Test
    void refusesAStaleExpectedVersion() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));
        ConfigEntityUpdatedEvent renamed = updated(created, postgres("Orders"));

        fixture.given(created, renamed)
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders 2"), null, null))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT,
                        e -> assertThat(e.properties()).containsEntry("currentVersion", 1L)))
                .expectExceptionMessage(containsString("is at version 1, not 0"))
                .expectNoEvents();
    }

    @Test
    void refusesAnExpectedVersionFromTheFuture() {
        fixture.given(existing(id, postgres("Orders DB")))
                .when(new UpdateConfigEntityCommand(id, 1L, postgres("Orders"), null, null))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void updatesWhateverTheVersionIsWhenNoneIsExpected() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));
        ConfigEntityUpdatedEvent renamed = updated(created, postgres("Orders"));

        fixture.given(created, renamed)
                .when(new UpdateConfigEntityCommand(id, null, postgres("Orders DB"), null, null))
                .expectEventsMatching(onlyUpdated(event -> assertThat(event.version()).isEqualTo(2)));
    }

    // --- not found ------------------------------------------------------------------------------------------------

    @Test
    void treatsAnUpdateWithAnotherTypeAsNotFound() {
        fixture.given(existing(id, postgres("Orders DB")))
                .when(new UpdateConfigEntityCommand(id, 0L, group("Orders DB"), null, null))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectExceptionMessage("No group with id " + id)
                .expectNoEvents();
    }

    @Test
    void treatsAnUpdateAfterDeletionAsNotFound() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));

        fixture.given(created, deleted(created))
                .when(new UpdateConfigEntityCommand(id, null, postgres("Orders"), null, null))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectExceptionMessage("No adapter with id " + id)
                .expectNoEvents();
    }

    @Test
    void reportsNotFoundBeforeAVersionConflict() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));

        fixture.given(created, deleted(created))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("Orders DB"), null, null))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    // --- the same rules as on create ------------------------------------------------------------------------------

    @Test
    void refusesAnInvalidState() {
        fixture.given(existing(id, postgres("Orders DB")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres(""), null, null))
                .expectException(validationFailedOn("name"))
                .expectNoEvents();
    }

    @Test
    void refusesANameAnotherEntityHasIgnoringCase() {
        UUID other = UUID.randomUUID();
        index.add(other, postgres("Billing DB"));

        fixture.given(existing(id, postgres("Orders DB")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("billing db"), null, null))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME,
                        e -> assertThat(e.properties()).containsEntry("conflictingId", other)))
                .expectNoEvents();
    }

    @Test
    void allowsAnEntityToChangeTheCaseOfItsOwnName() {
        fixture.given(existing(id, postgres("Orders DB")))
                .when(new UpdateConfigEntityCommand(id, 0L, postgres("ORDERS DB"), null, null))
                .expectEventsMatching(onlyUpdated(event -> assertThat(event.changedFields()).containsExactly("name")));
    }

    @Test
    void refusesAReferenceToAnAdapterOfTheWrongKind() {
        UUID sourceId = UUID.randomUUID();
        UUID destinationId = UUID.randomUUID();
        UUID otherDatabase = UUID.randomUUID();
        index.add(sourceId, postgres("Orders DB")).add(destinationId, localStorage("Local disk"))
                .add(otherDatabase, postgres("Billing DB"));
        JobState before = job("Nightly", sourceId, destinationId);

        fixture.given(existing(id, before))
                .when(new UpdateConfigEntityCommand(id, 0L, withDestinations(before, destinationId, otherDatabase),
                        null, null))
                .expectException(invalidReferenceOn("destinationIds[1]"))
                .expectNoEvents();
    }

    @Test
    void refusesAReferenceThatNoLongerExists() {
        UUID sourceId = UUID.randomUUID();
        UUID destinationId = UUID.randomUUID();
        index.add(sourceId, postgres("Orders DB")).add(destinationId, localStorage("Local disk"));
        JobState before = job("Nightly", sourceId, destinationId);

        fixture.given(existing(id, before))
                .when(new UpdateConfigEntityCommand(id, 0L, withDestinations(before, UUID.randomUUID()), null, null))
                .expectException(invalidReferenceOn("destinationIds[0]"))
                .expectNoEvents();
    }

    @Test
    void refusesASecretTheTypeDoesNotHave() {
        fixture.given(existing(id, group("Operators", "jobs:read")))
                .when(new UpdateConfigEntityCommand(id, 0L, group("Operators", "jobs:read"),
                        secrets("token", "abc"), null))
                .expectException(validationFailedOn("secrets.token"))
                .expectNoEvents();
    }
}
