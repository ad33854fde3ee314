package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.DeleteConfigEntityCommand;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.command.config.ConfigIndex.Referrer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.onlyDeleted;
import static io.metabackup.command.config.TestStates.group;
import static io.metabackup.command.config.TestStates.job;
import static io.metabackup.command.config.TestStates.localStorage;
import static io.metabackup.command.config.TestStates.postgres;
import static io.metabackup.command.config.TestStates.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Deleting an entity: {@link DeleteConfigEntityCommand}. */
class DeleteConfigEntityTest extends ConfigEntityTestSupport {

    private final UUID id = UUID.randomUUID();

    @Test
    void emitsADeletedEventWithTheLastStateAndSecrets() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"), Map.of("password", "s3cret"));
        ConfigEntityUpdatedEvent renamed = updated(created, postgres("Orders"));

        fixture.given(created, renamed)
                .when(new DeleteConfigEntityCommand(id, EntityType.ADAPTER, 1L))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyDeleted(event -> {
                    assertThat(event.id()).isEqualTo(id);
                    assertThat(event.version()).isEqualTo(2);
                    assertThat(event.state()).isEqualTo(postgres("Orders"));
                    assertThat(event.secrets()).isEqualTo(created.secrets());
                    assertThat(event.changedFields())
                            .containsExactly("name", "kind", "adapterType", "settings", "secrets.password");
                }))
                // a deleted entity stays loadable, so that a restore can bring it back
                .expectNotMarkedDeleted();
    }

    @Test
    void deletesWhateverTheVersionIsWhenNoneIsExpected() {
        ConfigEntityCreatedEvent created = existing(id, group("Operators", "jobs:read"));

        fixture.given(created, updated(created, group("Operators", "jobs:read", "jobs:write")))
                .when(new DeleteConfigEntityCommand(id, EntityType.GROUP, null))
                .expectEventsMatching(onlyDeleted(event -> assertThat(event.version()).isEqualTo(2)));
    }

    @Test
    void refusesAStaleExpectedVersion() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));

        fixture.given(created, updated(created, postgres("Orders")))
                .when(new DeleteConfigEntityCommand(id, EntityType.ADAPTER, 0L))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT,
                        e -> assertThat(e.properties()).containsEntry("currentVersion", 1L)))
                .expectNoEvents();
    }

    @Test
    void treatsADeleteWithAnotherTypeAsNotFound() {
        fixture.given(existing(id, postgres("Orders DB")))
                .when(new DeleteConfigEntityCommand(id, EntityType.JOB, 0L))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectExceptionMessage("No job with id " + id)
                .expectNoEvents();
    }

    @Test
    void treatsASecondDeleteAsNotFound() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders DB"));

        fixture.given(created, deleted(created))
                .when(new DeleteConfigEntityCommand(id, EntityType.ADAPTER, null))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesToDeleteAnEntityOthersReferToAndNamesThem() {
        UUID sourceId = UUID.randomUUID();
        UUID destinationId = UUID.randomUUID();
        UUID nightlyId = UUID.randomUUID();
        UUID weeklyId = UUID.randomUUID();
        ConfigEntityCreatedEvent source = existing(sourceId, postgres("Orders DB"));
        index.add(destinationId, localStorage("Local disk"))
                .add(weeklyId, job("Weekly", sourceId, destinationId))
                .add(nightlyId, job("Nightly", sourceId, destinationId));

        fixture.given(source)
                .when(new DeleteConfigEntityCommand(sourceId, EntityType.ADAPTER, 0L))
                .expectException(domainError(ErrorCode.IN_USE, e -> assertThat(e.properties()).containsEntry(
                        "referrers", List.of(
                                new Referrer(nightlyId, EntityType.JOB, "Nightly", "sourceId", AdapterKind.DATABASE),
                                new Referrer(weeklyId, EntityType.JOB, "Weekly", "sourceId", AdapterKind.DATABASE)))))
                .expectExceptionMessage("The adapter is still referenced by job \"Nightly\" (sourceId), "
                        + "job \"Weekly\" (sourceId)")
                .expectNoEvents();
    }

    @Test
    void refusesToDeleteAGroupThatHasMembers() {
        UUID userId = UUID.randomUUID();
        ConfigEntityCreatedEvent created = existing(id, group("Operators", "jobs:read"));
        index.add(userId, user("alice", id));

        fixture.given(created)
                .when(new DeleteConfigEntityCommand(id, EntityType.GROUP, 0L))
                .expectException(domainError(ErrorCode.IN_USE))
                .expectExceptionMessage(containsString("user \"alice\" (groupIds[0])"))
                .expectNoEvents();
    }

    @Test
    void checksTheVersionBeforeTheReferrers() {
        UUID userId = UUID.randomUUID();
        ConfigEntityCreatedEvent created = existing(id, group("Operators", "jobs:read"));
        index.add(userId, user("alice", id));

        fixture.given(created)
                .when(new DeleteConfigEntityCommand(id, EntityType.GROUP, 5L))
                .expectException(domainError(ErrorCode.VERSION_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void anUpdateAfterTheDeleteIsNotFound() {
        ConfigEntityCreatedEvent created = existing(id, group("Operators", "jobs:read"));

        fixture.given(created)
                .andGivenCommands(new DeleteConfigEntityCommand(id, EntityType.GROUP, 0L))
                .when(new UpdateConfigEntityCommand(id, 1L, group("Operators"), null, null))
                .expectException(domainError(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }
}
