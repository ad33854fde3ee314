package io.metabackup.command.config;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.FieldError;
import io.metabackup.api.config.JobState;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.SsoProviderState;
import io.metabackup.api.config.UserState;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.fieldErrors;
import static io.metabackup.command.config.ConfigMatchers.invalidReferenceOn;
import static io.metabackup.command.config.ConfigMatchers.onlyCreated;
import static io.metabackup.command.config.ConfigMatchers.validationFailedOn;
import static io.metabackup.command.config.TestStates.group;
import static io.metabackup.command.config.TestStates.job;
import static io.metabackup.command.config.TestStates.localStorage;
import static io.metabackup.command.config.TestStates.postgres;
import static io.metabackup.command.config.TestStates.sso;
import static io.metabackup.command.config.TestStates.user;
import static io.metabackup.command.config.TestStates.webhook;
import static io.metabackup.command.config.TestStates.withEncryptionProfile;
import static io.metabackup.command.config.TestStates.withSchedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Creating an entity of any type but settings: {@link CreateConfigEntityCommand}. */
class CreateConfigEntityTest extends ConfigEntityTestSupport {

    private final UUID id = UUID.randomUUID();
    private final UUID sourceId = UUID.randomUUID();
    private final UUID destinationId = UUID.randomUUID();

    private void givenSourceAndDestination() {
        index.add(sourceId, postgres("Orders DB")).add(destinationId, localStorage("Local disk"));
    }

    // --- created event --------------------------------------------------------------------------------------------

    @Test
    void createsAnAdapterAtVersionZeroWithItsFullStateAndEveryFieldAsChanged() {
        AdapterState state = postgres("Orders DB");

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, secrets("password", "s3cret-pa55")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(id)
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.id()).isEqualTo(id);
                    assertThat(event.version()).isZero();
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.type()).isEqualTo(EntityType.ADAPTER);
                    assertThat(event.changedFields())
                            .containsExactly("name", "kind", "adapterType", "settings", "secrets.password");
                    assertThat(event.secrets()).containsOnlyKeys("password");
                    assertSealed(id, "password", event.secrets().get("password"), "s3cret-pa55");
                }));
    }

    @Test
    void createsAJobWhoseReferencesExistAndListsOnlyTheFieldsThatAreSet() {
        givenSourceAndDestination();
        JobState state = job("Nightly orders", sourceId, destinationId);

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, null))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.version()).isZero();
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.secrets()).isEmpty();
                    // encryptionProfileId is null, notificationIds and retention.keepLast are empty: not listed
                    assertThat(event.changedFields()).containsExactly(
                            "name", "sourceId", "destinationIds", "schedule", "enabled", "compression");
                }));
    }

    @Test
    void createsAUserInAnExistingGroupWithASealedPassword() {
        UUID groupId = UUID.randomUUID();
        index.add(groupId, group("Operators", "jobs:read"));
        UserState state = user("alice", groupId);

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, secrets("password", "{bcrypt}$2a$10$abc")))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.changedFields())
                            .containsExactly("username", "email", "groupIds", "enabled", "secrets.password");
                    assertSealed(id, "password", event.secrets().get("password"), "{bcrypt}$2a$10$abc");
                }));
    }

    @Test
    void createsAnSsoProviderWithASealedClientSecret() {
        SsoProviderState state = sso("corp-idp");

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, secrets("clientSecret", "very-secret")))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.state()).isEqualTo(state);
                    assertThat(event.changedFields()).containsExactly("providerId", "name", "issuerUrl",
                            "clientId", "scopes", "enabled", "secrets.clientSecret");
                    assertSealed(id, "clientSecret", event.secrets().get("clientSecret"), "very-secret");
                }));
    }

    // --- validation -----------------------------------------------------------------------------------------------

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("   "), null))
                .expectException(validationFailedOn("name"))
                .expectNoEvents();
    }

    @Test
    void refusesABadCronSchedule() {
        givenSourceAndDestination();

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id,
                        withSchedule(job("Nightly orders", sourceId, destinationId), "every night at three"), null))
                .expectException(validationFailedOn("schedule"))
                .expectNoEvents();
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id,
                        new JobState("", null, List.of(), "61 * * * *", null, null, null, null, null), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, e -> assertThat(fieldErrors(e))
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "sourceId", "destinationIds", "schedule")))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownPermission() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, group("Operators", "jobs:read", "jobs:execute"), null))
                .expectException(validationFailedOn("permissions"))
                .expectExceptionMessage(containsString("unknown permission \"jobs:execute\""))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "dbPassword", "passwd", "secret", "apiKey", "api_key", "token",
            "privateKey", "private-key", "credentials", "serviceAccountJson"})
    void refusesAnAdapterSettingThatLooksLikeASecret(String key) {
        AdapterState state = new AdapterState("Orders DB", AdapterKind.DATABASE, "postgres",
                Map.of("host", "db.internal", key, "hunter2"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, null))
                .expectException(validationFailedOn("settings." + key))
                .expectExceptionMessage(not(containsString("hunter2")))
                .expectNoEvents();
    }

    @Test
    void refusesASecretOnATypeThatHasNone() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, group("Operators", "jobs:read"), secrets("token", "abc")))
                .expectException(validationFailedOn("secrets.token"))
                .expectExceptionMessage(containsString("(it has none)"))
                .expectNoEvents();
    }

    @Test
    void refusesASecretNameTheTypeDoesNotDeclare() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, user("alice"), secrets("apiKey", "abc")))
                .expectException(validationFailedOn("secrets.apiKey"))
                .expectExceptionMessage(containsString("allowed: [password]"))
                .expectNoEvents();
    }

    @Test
    void refusesAnAdapterSecretWithAnInvalidName() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("Orders DB"),
                        Map.of("1st password", new SecretValue("abc"))))
                .expectException(validationFailedOn("secrets.1st password"))
                .expectNoEvents();
    }

    // --- unique names ---------------------------------------------------------------------------------------------

    @Test
    void refusesANameAnotherEntityOfTheTypeHasIgnoringCase() {
        UUID other = UUID.randomUUID();
        index.add(other, postgres("Orders DB"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("ORDERS db"), null))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME,
                        e -> assertThat(e.properties()).containsEntry("conflictingId", other)))
                .expectExceptionMessage("Another adapter is already named \"ORDERS db\"")
                .expectNoEvents();
    }

    @Test
    void allowsTheNameOfAnEntityOfAnotherType() {
        index.add(UUID.randomUUID(), group("Orders DB"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, postgres("Orders DB"), null))
                .expectEventsMatching(onlyCreated(event ->
                        assertThat(event.state().naturalKey()).isEqualTo("Orders DB")));
    }

    @Test
    void checksUniqueUsernamesAndProviderIdsToo() {
        index.add(UUID.randomUUID(), user("Alice"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, user("alice"), null))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME))
                .expectNoEvents();
    }

    // --- references -----------------------------------------------------------------------------------------------

    @Test
    void refusesAJobWhoseSourceDoesNotExist() {
        index.add(destinationId, localStorage("Local disk"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, job("Nightly orders", sourceId, destinationId), null))
                .expectException(invalidReferenceOn("sourceId"))
                .expectExceptionMessage(containsString("no adapter with id " + sourceId))
                .expectNoEvents();
    }

    @Test
    void refusesAJobWhoseDestinationIsADatabaseAdapter() {
        UUID otherDatabase = UUID.randomUUID();
        index.add(sourceId, postgres("Orders DB")).add(otherDatabase, postgres("Billing DB"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, job("Nightly orders", sourceId, otherDatabase), null))
                .expectException(invalidReferenceOn("destinationIds[0]"))
                .expectExceptionMessage(containsString(
                        "adapter \"Billing DB\" is DATABASE, not STORAGE"))
                .expectNoEvents();
    }

    @Test
    void refusesAJobWhoseSourceIsAStorageAdapter() {
        givenSourceAndDestination();

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, job("Nightly orders", destinationId, destinationId), null))
                .expectException(invalidReferenceOn("sourceId"))
                .expectNoEvents();
    }

    @Test
    void refusesAJobWhoseNotificationIsNotANotificationAdapter() {
        givenSourceAndDestination();
        UUID hookId = UUID.randomUUID();
        index.add(hookId, webhook("Ops hook"));
        JobState state = new JobState("Nightly orders", sourceId, List.of(destinationId), "0 3 * * *", null, null,
                null, null, List.of(hookId, destinationId));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, state, null))
                .expectException(invalidReferenceOn("notificationIds[1]"))
                .expectNoEvents();
    }

    @Test
    void refusesAJobWhoseEncryptionProfileDoesNotExist() {
        givenSourceAndDestination();
        UUID profileId = UUID.randomUUID();

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id,
                        withEncryptionProfile(job("Nightly orders", sourceId, destinationId), profileId), null))
                .expectException(invalidReferenceOn("encryptionProfileId"))
                .expectNoEvents();
    }

    @Test
    void refusesAReferenceToAnEntityOfAnotherType() {
        UUID adapterId = UUID.randomUUID();
        index.add(adapterId, postgres("Operators"));

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, user("alice", adapterId), null))
                .expectException(invalidReferenceOn("groupIds[0]"))
                .expectExceptionMessage(containsString("no group with id " + adapterId))
                .expectNoEvents();
    }

    @Test
    void reportsAnInvalidStateBeforeADanglingReference() {
        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id,
                        withSchedule(job("Nightly", sourceId, destinationId), "x"), null))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void reportsADuplicateNameBeforeADanglingReference() {
        index.addEntry(UUID.randomUUID(), EntityType.JOB, "nightly", null);

        fixture.givenNoPriorActivity()
                .when(new CreateConfigEntityCommand(id, job("Nightly", sourceId, destinationId), null))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME))
                .expectNoEvents();
    }
}
