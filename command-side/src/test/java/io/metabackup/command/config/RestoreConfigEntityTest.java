package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.restore.RestoreConfigEntityCommand;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.api.restore.RestoreNewConfigEntityCommand;
import io.metabackup.api.restore.RestoreOutcome;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.metabackup.command.config.ConfigMatchers.domainError;
import static io.metabackup.command.config.ConfigMatchers.invalidReferenceOn;
import static io.metabackup.command.config.ConfigMatchers.onlyCreated;
import static io.metabackup.command.config.ConfigMatchers.onlyUpdated;
import static io.metabackup.command.config.ConfigMatchers.satisfying;
import static io.metabackup.command.config.TestStates.group;
import static io.metabackup.command.config.TestStates.job;
import static io.metabackup.command.config.TestStates.localStorage;
import static io.metabackup.command.config.TestStates.postgres;
import static io.metabackup.command.config.TestStates.profile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restoring one entity from a backup: {@link RestoreConfigEntityCommand}, or {@link RestoreNewConfigEntityCommand}
 * for an id without history; the aggregate makes each decision.
 */
class RestoreConfigEntityTest extends ConfigEntityTestSupport {

    private final UUID id = UUID.randomUUID();

    private RestoreConfigEntityCommand restore(RestoreMode mode, Map<String, String> secrets, Set<String> omitted) {
        return new RestoreConfigEntityCommand(id, postgres("Orders"), values(secrets), omitted, mode);
    }

    private static Map<String, SecretValue> values(Map<String, String> secrets) {
        Map<String, SecretValue> values = new java.util.HashMap<>();
        secrets.forEach((name, value) -> values.put(name, new SecretValue(value)));
        return values;
    }

    @Test
    void createsAnEntityThatDoesNotExistInEveryMode() {
        for (RestoreMode mode : RestoreMode.values()) {
            fixture.givenNoPriorActivity()
                    .when(restore(mode, Map.of("password", "from-backup"), Set.of()))
                    .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome -> {
                        assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.CREATE);
                        assertThat(outcome.missingSecrets()).isEmpty();
                    }))
                    .expectEventsMatching(onlyCreated(event -> {
                        assertThat(event.version()).isZero();
                        assertThat(event.state()).isEqualTo(postgres("Orders"));
                        assertSealed(id, "password", event.secrets().get("password"), "from-backup");
                    }));
        }
    }

    @Test
    void anIdWithoutHistoryIsCreatedTheSameWayWithoutReadingIt() {
        for (RestoreMode mode : RestoreMode.values()) {
            fixture.givenNoPriorActivity()
                    .when(new RestoreNewConfigEntityCommand(restore(mode, Map.of(), Set.of("password"))))
                    .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome -> {
                        assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.CREATE);
                        assertThat(outcome.missingSecrets()).containsExactly("password");
                    }))
                    .expectEventsMatching(onlyCreated(event -> {
                        assertThat(event.id()).isEqualTo(id);
                        assertThat(event.version()).isZero();
                        assertThat(event.secrets()).isEmpty();
                    }));
        }
    }

    @Test
    void anIdWithoutHistoryFollowsTheSameRules() {
        UUID holder = UUID.randomUUID();
        index.add(holder, localStorage("Taken"));
        fixture.givenNoPriorActivity()
                .when(new RestoreNewConfigEntityCommand(new RestoreConfigEntityCommand(id, localStorage("taken"),
                        Map.of(), Set.of(), RestoreMode.MERGE)))
                .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome ->
                        assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.SKIP)))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RestoreNewConfigEntityCommand(new RestoreConfigEntityCommand(id, localStorage("taken"),
                        Map.of(), Set.of(), RestoreMode.OVERWRITE)))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME))
                .expectNoEvents();
    }

    @Test
    void mergeLeavesAnExistingEntityAlone() {
        fixture.given(existing(id, postgres("Orders (renamed here)")))
                .when(restore(RestoreMode.MERGE, Map.of("password", "from-backup"), Set.of()))
                .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome ->
                        assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.SKIP)))
                .expectNoEvents();
    }

    @Test
    void overwriteBringsAnExistingEntityToTheBackupStateAndNamesTheChangedFields() {
        fixture.given(existing(id, postgres("Orders (renamed here)"), Map.of("password", "current")))
                .when(restore(RestoreMode.OVERWRITE, Map.of("password", "from-backup"), Set.of()))
                .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome -> {
                    assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.UPDATE);
                    assertThat(outcome.changedFields()).containsExactly("name", "secrets.password");
                }))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.version()).isEqualTo(1);
                    assertSealed(id, "password", event.secrets().get("password"), "from-backup");
                }));
    }

    @Test
    void anEntityAlreadyLikeTheBackupIsUnchanged() {
        fixture.given(existing(id, postgres("Orders"), Map.of("password", "same")))
                .when(restore(RestoreMode.REPLACE, Map.of("password", "same"), Set.of()))
                .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome ->
                        assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.UNCHANGED)))
                .expectNoEvents();
    }

    @Test
    void aPlaceholderNeverOverwritesAnExistingSecret() {
        ConfigEntityCreatedEvent existing = existing(id, postgres("Orders"), Map.of("password", "keep-me"));
        fixture.given(existing)
                .when(new RestoreConfigEntityCommand(id, postgres("Orders renamed"), Map.of(), Set.of("password"),
                        RestoreMode.OVERWRITE))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("name");
                    assertThat(event.secrets().get("password")).isEqualTo(existing.secrets().get("password"));
                }));
    }

    @Test
    void anEntityCreatedFromAPlaceholderIsReportedAsMissingThatSecret() {
        fixture.givenNoPriorActivity()
                .when(restore(RestoreMode.OVERWRITE, Map.of(), Set.of("password")))
                .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome -> {
                    assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.CREATE);
                    assertThat(outcome.missingSecrets()).containsExactly("password");
                }))
                .expectEventsMatching(onlyCreated(event -> assertThat(event.secrets()).isEmpty()));
    }

    @Test
    void aSecretTheBackupDoesNotHaveIsRemovedByOverwrite() {
        fixture.given(existing(id, postgres("Orders"), Map.of("password", "p", "sslKey", "k")))
                .when(restore(RestoreMode.OVERWRITE, Map.of("password", "p"), Set.of()))
                .expectEventsMatching(onlyUpdated(event -> {
                    assertThat(event.changedFields()).containsExactly("secrets.sslKey");
                    assertThat(event.secrets()).containsOnlyKeys("password");
                }));
    }

    @Test
    void aDeletedEntityComesBackUnderItsOwnIdWithTheNextVersion() {
        ConfigEntityCreatedEvent created = existing(id, postgres("Orders"));
        fixture.given(created, deleted(created))
                .when(restore(RestoreMode.MERGE, Map.of(), Set.of()))
                .expectEventsMatching(onlyCreated(event -> {
                    assertThat(event.id()).isEqualTo(id);
                    assertThat(event.version()).isEqualTo(2);
                }));
    }

    @Test
    void theSameRulesAsAnyWriteApply() {
        UUID source = UUID.randomUUID();
        UUID missingDestination = UUID.randomUUID();
        index.add(source, postgres("db"));
        fixture.givenNoPriorActivity()
                .when(new RestoreConfigEntityCommand(id, job("nightly", source, missingDestination), Map.of(),
                        Set.of(), RestoreMode.OVERWRITE))
                .expectException(invalidReferenceOn("destinationIds[0]"))
                .expectNoEvents();

        index.add(UUID.randomUUID(), localStorage("Taken"));
        fixture.givenNoPriorActivity()
                .when(new RestoreConfigEntityCommand(id, localStorage("taken"), Map.of(), Set.of(),
                        RestoreMode.OVERWRITE))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME));
    }

    @Test
    void mergeSkipsANewEntityWhoseNameIsTakenByAnotherId() {
        UUID holder = UUID.randomUUID();
        index.add(holder, localStorage("Taken"));
        fixture.givenNoPriorActivity()
                .when(new RestoreConfigEntityCommand(id, localStorage("taken"), Map.of(), Set.of(), RestoreMode.MERGE))
                .expectResultMessagePayloadMatching(satisfying(RestoreOutcome.class, outcome -> {
                    assertThat(outcome.action()).isEqualTo(RestoreOutcome.Action.SKIP);
                    assertThat(outcome.reason()).contains(holder.toString());
                }))
                .expectNoEvents();
    }

    @Test
    void anIdOfAnotherTypeIsRefused() {
        fixture.given(existing(id, group("Operators")))
                .when(restore(RestoreMode.OVERWRITE, Map.of(), Set.of()))
                .expectException(domainError(ErrorCode.ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void aProfileKeepsItsKeyAndARestoredKeylessProfileCanReceiveOne() {
        String key = "ab".repeat(32);
        fixture.given(existing(id, profile("Offsite"), Map.of("key", key)))
                .when(new RestoreConfigEntityCommand(id, profile("Offsite"), values(Map.of("key", "cd".repeat(32))),
                        Set.of(), RestoreMode.OVERWRITE))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));

        fixture.given(existing(id, profile("Offsite")))
                .when(new RestoreConfigEntityCommand(id, profile("Offsite"), values(Map.of("key", key)), Set.of(),
                        RestoreMode.OVERWRITE))
                .expectEventsMatching(onlyUpdated(event -> assertThat(event.changedFields())
                        .containsExactly("secrets.key")));

        fixture.givenNoPriorActivity()
                .when(new RestoreConfigEntityCommand(id, profile("Offsite"), values(Map.of("key", "not-hex")),
                        Set.of(), RestoreMode.OVERWRITE))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aNameHeldByAnEntityTheSameReplaceDeletesIsFree() {
        UUID leaving = UUID.randomUUID();
        index.add(leaving, group("administrators"));
        fixture.givenNoPriorActivity()
                .when(new RestoreConfigEntityCommand(id, group("administrators"), Map.of(), Set.of(),
                        RestoreMode.REPLACE, Set.of(leaving)))
                .expectEventsMatching(onlyCreated(event -> assertThat(event.state()).isEqualTo(group("administrators"))));

        fixture.givenNoPriorActivity()
                .when(new RestoreConfigEntityCommand(id, group("administrators"), Map.of(), Set.of(),
                        RestoreMode.REPLACE, Set.of()))
                .expectException(domainError(ErrorCode.DUPLICATE_NAME));
    }
}
