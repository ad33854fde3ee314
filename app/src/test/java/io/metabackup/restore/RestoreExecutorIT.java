package io.metabackup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.JobState;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.history.PointInTime;
import io.metabackup.api.restore.RestoreConfigEntityCommand;
import io.metabackup.api.restore.RestoreMode;
import io.metabackup.api.restore.RestoreNewConfigEntityCommand;
import io.metabackup.api.restore.RestoreOutcome;
import io.metabackup.api.restore.RestoreOutcome.Action;
import io.metabackup.command.config.JdbcConfigIndex;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import io.metabackup.web.ProblemHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The restore of a backup document against the shared instance; ids limit each restore to this test's entities. */
class RestoreExecutorIT extends IntegrationTest {

    @Autowired
    RestoreExecutor restores;
    @Autowired
    PointInTimeConfiguration history;
    @Autowired
    StreamPositions positions;
    @Autowired
    CurrentConfiguration configuration;
    @Autowired
    SecretSealer sealer;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProblemHandler problems;
    @Autowired
    JdbcConfigIndex index;

    private Api api;
    private UUID group;
    private UUID adapter;
    private String groupName;
    private String adapterName;

    @BeforeEach
    void createEntities() {
        api = api();
        groupName = Entities.unique("operators");
        adapterName = Entities.unique("orders-db");
        group = UUID.fromString(new Entities(api).create("groups", Map.of("name", groupName,
                "permissions", List.of("jobs:read"))));
        adapter = UUID.fromString(new Entities(api).create("adapters", Map.of("name", adapterName,
                "kind", "DATABASE", "adapterType", "postgres", "secrets", Map.of("password", "original-pw"))));
    }

    private JsonNode backup(SecretValues secrets) {
        return BackupDocument.tree(history.at(PointInTime.latest()), secrets);
    }

    private SecretValues withSecrets() {
        return (id, name, sealed) -> Optional.of(sealer.open(id, name, sealed).reveal());
    }

    private void changeBoth() {
        api.put("/api/config/groups/" + group, Map.of("name", groupName + "-changed", "permissions", List.of()));
        api.put("/api/config/adapters/" + adapter, Map.of("name", adapterName, "kind", "DATABASE",
                "adapterType", "postgres", "secrets", Map.of("password", "changed-pw")));
    }

    private RestoreReport restore(JsonNode document, RestoreMode mode, boolean dryRun) {
        return restores.restore(document, new RestoreOptions(mode, Set.of(), Set.of(group, adapter), dryRun),
                RestoreSource.upload("test.json.gz.enc", "0".repeat(64)));
    }

    /** Neither the group nor the id the failed transaction tried to create changed, and no event was stored. */
    private void assertNothingChanged(long head, UUID fresh) {
        assertThat(positions.head()).isEqualTo(head);
        assertThat(api.get("/api/config/groups/" + fresh).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/config/groups/" + group).body().path("permissions").toString())
                .isEqualTo("[\"jobs:read\"]");
    }

    /** The code the API would answer {@code failure} with. */
    private String problemCode(Throwable failure) {
        Object body = problems.handleAny((Exception) failure, new ServletWebRequest(new MockHttpServletRequest()))
                .getBody();
        assertThat(body).isInstanceOf(ProblemDetail.class);
        return (String) ((ProblemDetail) body).getProperties().get("code");
    }

    private String password() {
        var record = configuration.find(EntityType.ADAPTER, adapter).orElseThrow();
        return sealer.open(adapter, "password", record.secrets().get("password")).reveal();
    }

    @Test
    void overwriteBringsEntitiesBackToTheBackupStateSecretsIncluded() {
        JsonNode document = backup(withSecrets());
        changeBoth();

        RestoreReport report = restore(document, RestoreMode.OVERWRITE, false);

        assertThat(report.applied()).isTrue();
        assertThat(report.items()).extracting(RestoreReport.Item::action).containsOnly(Action.UPDATE);
        assertThat(report.items()).filteredOn(i -> i.id().equals(group)).first()
                .satisfies(item -> assertThat(item.changedFields()).containsExactly("name", "permissions"));
        assertThat(api.get("/api/config/groups/" + group).body().path("name").asText()).isEqualTo(groupName);
        assertThat(password()).isEqualTo("original-pw");
    }

    @Test
    void aBackupWithoutSecretsNeverOverwritesASecret() {
        JsonNode document = backup(SecretValues.OMITTED);
        changeBoth();

        restore(document, RestoreMode.OVERWRITE, false);

        assertThat(password()).isEqualTo("changed-pw");
        assertThat(api.get("/api/config/groups/" + group).body().path("name").asText()).isEqualTo(groupName);
    }

    @Test
    void mergeOnlyAddsWhatDoesNotExist() {
        JsonNode document = backup(withSecrets());
        changeBoth();
        assertThat(api.delete("/api/config/groups/" + group).status()).isEqualTo(204);

        RestoreReport report = restore(document, RestoreMode.MERGE, false);

        assertThat(report.items()).extracting(RestoreReport.Item::id, RestoreReport.Item::action)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(adapter, Action.SKIP),
                        org.assertj.core.groups.Tuple.tuple(group, Action.CREATE));
        assertThat(api.get("/api/config/groups/" + group).body().path("permissions").toString())
                .isEqualTo("[\"jobs:read\"]");
        assertThat(password()).isEqualTo("changed-pw");
    }

    @Test
    void aDryRunReturnsThePlanOfTheRealRunAndChangesNothing() {
        JsonNode document = backup(withSecrets());
        changeBoth();
        long head = positions.head();

        RestoreReport plan = restore(document, RestoreMode.OVERWRITE, true);

        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.applied()).isFalse();
        assertThat(positions.head()).isEqualTo(head);
        assertThat(password()).isEqualTo("changed-pw");
        RestoreReport real = restore(document, RestoreMode.OVERWRITE, false);
        assertThat(real.items()).usingRecursiveFieldByFieldElementComparator().isEqualTo(plan.items());
        assertThat(password()).isEqualTo("original-pw");
    }

    @Test
    void aFailureAnywhereLeavesTheConfigurationExactlyAsItWas() {
        JsonNode document = backup(withSecrets());
        changeBoth();
        UUID job = UUID.randomUUID();
        ((ObjectNode) document.path("data")).withArray("jobs").addObject()
                .put("id", job.toString()).put("name", Entities.unique("dangling")).put("sourceId", adapter.toString())
                .put("schedule", "0 1 * * *").putArray("destinationIds").add(UUID.randomUUID().toString());
        long head = positions.head();

        assertThatThrownBy(() -> restores.restore(document, new RestoreOptions(RestoreMode.OVERWRITE, Set.of(),
                Set.of(group, adapter, job), false), RestoreSource.upload("x", "0".repeat(64))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_FAILED);
                    RestoreReport report = (RestoreReport) e.properties().get("report");
                    assertThat(report.warnings()).extracting(RestoreReport.Warning::kind)
                            .contains(RestoreReport.WarningKind.DANGLING_REFERENCE);
                    assertThat(report.items()).filteredOn(i -> i.id().equals(group))
                            .extracting(RestoreReport.Item::action).containsExactly(Action.UPDATE);
                });
        assertThat(positions.head()).isEqualTo(head);
        assertThat(password()).isEqualTo("changed-pw");
        assertThat(api.get("/api/config/groups/" + group).body().path("name").asText())
                .isEqualTo(groupName + "-changed");
    }

    @Test
    void replaceDeletesWhatTheBackupDoesNotHold() {
        JsonNode document = backup(withSecrets());
        UUID extra = UUID.fromString(new Entities(api).group());

        RestoreReport report = restores.restore(document, new RestoreOptions(RestoreMode.REPLACE,
                Set.of(EntityType.GROUP), Set.of(), false), RestoreSource.upload("x", "0".repeat(64)));

        assertThat(report.items()).filteredOn(i -> i.action() == Action.DELETE)
                .extracting(RestoreReport.Item::id).containsExactly(extra);
        assertThat(api.get("/api/config/groups/" + extra).code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/config/groups/" + group).status()).isEqualTo(200);
    }

    @Test
    void anIdThatAppearsTwiceInADocumentIsCreatedAndThenUpdated() {
        ObjectNode document = (ObjectNode) backup(SecretValues.OMITTED);
        UUID twice = UUID.randomUUID();
        String name = Entities.unique("twice");
        var groups = ((ObjectNode) document.path("data")).withArray("groups");
        groups.addObject().put("id", twice.toString()).put("name", name).putArray("permissions").add("jobs:read");
        groups.addObject().put("id", twice.toString()).put("name", name).putArray("permissions");

        RestoreReport report = restores.restore(document, new RestoreOptions(RestoreMode.OVERWRITE,
                Set.of(EntityType.GROUP), Set.of(twice), false), RestoreSource.upload("x", "0".repeat(64)));

        assertThat(report.items()).extracting(RestoreReport.Item::action).containsExactly(Action.CREATE, Action.UPDATE);
        assertThat(api.get("/api/config/groups/" + twice).body().path("permissions").size()).isZero();
        // the events reached the store in the order they were appended, and history found their positions
        assertThat(jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                + " order by global_index", Long.class, twice.toString())).containsExactly(0L, 1L);
        assertThat(jdbc.queryForList("select h.version from config_history h join domain_event_entry e"
                + " on e.global_index = h.position and e.aggregate_identifier = h.entity_id::text"
                + " and e.sequence_number = h.version where h.entity_id = ? order by h.version", Long.class, twice))
                .containsExactly(0L, 1L);
    }

    @Test
    void creatingAnIdThatHasHistoryWithoutReadingItIsRefusedByTheEventStore() {
        UUID fresh = UUID.randomUUID();
        long head = positions.head();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new RestoreNewConfigEntityCommand(new RestoreConfigEntityCommand(fresh,
                    new GroupState(Entities.unique("fresh"), List.of()), Map.of(), Set.of(), RestoreMode.OVERWRITE)));
            commands.sendAndWait(new RestoreNewConfigEntityCommand(new RestoreConfigEntityCommand(group,
                    new GroupState(groupName, List.of()), Map.of(), Set.of(), RestoreMode.OVERWRITE)));
        })).satisfies(e -> assertThat(Stream.iterate(e, Objects::nonNull, Throwable::getCause))
                // what the API answers as 409 ALREADY_EXISTS
                .anyMatch(AggregateStreamCreationException.class::isInstance));

        assertNothingChanged(head, fresh);
    }

    @Test
    void whatARestoreCreatedCountsForTheChecksOfWhatItRestoresNext() {
        // with the group unchanged every look-up is answered from what the restore read up front; once it updates
        // the group, they go to the index again
        for (boolean updateFirst : List.of(false, true)) {
            ObjectNode document = (ObjectNode) backup(SecretValues.OMITTED);
            ObjectNode data = (ObjectNode) document.path("data");
            if (updateFirst) {
                data.withArray("groups").forEach(g -> ((ObjectNode) g).putArray("permissions").add("jobs:write"));
            }
            UUID first = UUID.randomUUID();
            UUID sameName = UUID.randomUUID();
            UUID database = UUID.randomUUID();
            UUID storage = UUID.randomUUID();
            UUID job = UUID.randomUUID();
            String name = Entities.unique("twins");
            data.withArray("groups").addObject().put("id", first.toString()).put("name", name)
                    .putArray("permissions");
            data.withArray("groups").addObject().put("id", sameName.toString()).put("name", name.toUpperCase())
                    .putArray("permissions");
            data.withArray("adapters").addObject().put("id", database.toString()).put("name", Entities.unique("db"))
                    .put("kind", "DATABASE").put("adapterType", "postgres");
            data.withArray("adapters").addObject().put("id", storage.toString())
                    .put("name", Entities.unique("store")).put("kind", "STORAGE").put("adapterType", "local")
                    .putObject("settings").put("path", "/b");
            data.withArray("jobs").addObject().put("id", job.toString()).put("name", Entities.unique("nightly"))
                    .put("sourceId", database.toString()).put("schedule", "0 1 * * *")
                    .putArray("destinationIds").add(storage.toString());
            Set<UUID> ids = Set.of(group, first, sameName, database, storage, job);

            for (RestoreMode mode : List.of(RestoreMode.OVERWRITE, RestoreMode.MERGE)) {
                RestoreReport plan = restores.restore(document, new RestoreOptions(mode, Set.of(), ids, true),
                        RestoreSource.upload("x", "0".repeat(64)));

                String variant = mode + (updateFirst ? " after an update" : "");
                assertThat(plan.warnings()).as(variant).extracting(RestoreReport.Warning::kind,
                        RestoreReport.Warning::id).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        RestoreReport.WarningKind.NAME_CLASH, sameName));
                assertThat(plan.items()).as(variant).filteredOn(i -> !i.id().equals(sameName)
                        && !i.id().equals(group)).extracting(RestoreReport.Item::action).containsOnly(Action.CREATE);
                assertThat(plan.items()).as(variant).filteredOn(i -> i.id().equals(group))
                        .extracting(RestoreReport.Item::action)
                        .containsExactly(mode == RestoreMode.MERGE ? Action.SKIP
                                : updateFirst ? Action.UPDATE : Action.UNCHANGED);
            }
        }
    }

    @Test
    void aNameThatAnEarlierUpdateOfTheSameRestoreFreesCanBeTakenByALaterEntity() {
        ObjectNode document = (ObjectNode) backup(SecretValues.OMITTED);
        var groups = ((ObjectNode) document.path("data")).withArray("groups");
        groups.forEach(g -> {
            if (g.path("id").asText().equals(group.toString())) {
                ((ObjectNode) g).put("name", groupName + "-renamed");
            }
        });
        UUID successor = UUID.randomUUID();
        groups.addObject().put("id", successor.toString()).put("name", groupName).putArray("permissions");

        RestoreReport report = restores.restore(document, new RestoreOptions(RestoreMode.OVERWRITE, Set.of(),
                Set.of(group, successor), false), RestoreSource.upload("x", "0".repeat(64)));

        assertThat(report.warnings()).isEmpty();
        assertThat(report.items()).extracting(RestoreReport.Item::id, RestoreReport.Item::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(group, Action.UPDATE),
                org.assertj.core.groups.Tuple.tuple(successor, Action.CREATE));
        assertThat(api.get("/api/config/groups/" + successor).body().path("name").asText()).isEqualTo(groupName);
    }

    @Test
    void aNameThatAnotherRequestTakesWhileARestoreRunsFailsTheRestoreWhole() {
        UUID fresh = UUID.randomUUID();
        String name = Entities.unique("contested");
        List<RestoreOutcome> outcomes = new java.util.ArrayList<>();

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            index.expect(Map.of(EntityType.GROUP, Set.of(name)), Set.of());
            new Entities(api).create("groups", Map.of("name", name, "permissions", List.of()));
            outcomes.add(commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RestoreNewConfigEntityCommand(new RestoreConfigEntityCommand(fresh, new GroupState(name,
                            List.of()), Map.of(), Set.of(), RestoreMode.OVERWRITE)))
                    .andMetaData(Map.of(AuditMetadata.RESTORE_ID, UUID.randomUUID().toString()))));
        }));

        assertThat(outcomes).as("the rules read the name before the other request took it")
                .extracting(RestoreOutcome::action).containsExactly(Action.CREATE);
        assertThat(failure).as("the commit fails").isNotNull();
        assertThat(problemCode(failure)).isEqualTo(ErrorCode.DUPLICATE_NAME.name());
        assertThat(api.get("/api/config/groups/" + fresh).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anEventAfterARestoresEventsTakesItsPositionAfterThem() {
        UUID restored = UUID.randomUUID();
        UUID created = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RestoreNewConfigEntityCommand(
                    new RestoreConfigEntityCommand(restored, new GroupState(Entities.unique("restored"), List.of()),
                            Map.of(), Set.of(), RestoreMode.OVERWRITE)))
                    .andMetaData(Map.of(AuditMetadata.RESTORE_ID, UUID.randomUUID().toString())));
            commands.sendAndWait(new CreateConfigEntityCommand(created,
                    new GroupState(Entities.unique("created"), List.of()), Map.of()));
        });

        assertThat(jdbc.queryForList("select aggregate_identifier from domain_event_entry"
                        + " where aggregate_identifier in (?, ?) order by global_index", String.class,
                restored.toString(), created.toString())).containsExactly(restored.toString(), created.toString());
    }

    @Test
    void anAdapterARestoreReliesOnCannotChangeKindUntilTheRestoreEnds() throws Exception {
        UUID storage = UUID.fromString(new Entities(api).storage());
        UUID job = UUID.randomUUID();
        String jobName = Entities.unique("nightly");
        Map<String, Object> asStorage = Map.of("name", adapterName, "kind", "STORAGE", "adapterType", "local",
                "settings", Map.of("path", "/b"));
        List<CompletableFuture<Api.Response>> kindChange = new java.util.ArrayList<>();

        transaction.executeWithoutResult(status -> {
            index.expect(Map.of(EntityType.JOB, Set.of(jobName)), Set.of(adapter, storage));
            kindChange.add(CompletableFuture.supplyAsync(() -> api.put("/api/config/adapters/" + adapter,
                    asStorage)));
            assertThatThrownBy(() -> kindChange.get(0).get(1, TimeUnit.SECONDS))
                    .as("the change waits for the restore").isInstanceOf(TimeoutException.class);
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RestoreNewConfigEntityCommand(
                    new RestoreConfigEntityCommand(job, new JobState(jobName, adapter, List.of(storage),
                            "0 1 * * *", null, null, null, null, null), Map.of(), Set.of(), RestoreMode.OVERWRITE)))
                    .andMetaData(Map.of(AuditMetadata.RESTORE_ID, UUID.randomUUID().toString())));
        });

        assertThat(kindChange.get(0).get(30, TimeUnit.SECONDS).code()).isEqualTo("IN_USE");
        assertThat(api.get("/api/config/adapters/" + adapter).body().path("kind").asText()).isEqualTo("DATABASE");
        assertThat(api.get("/api/config/jobs/" + job).status()).isEqualTo(200);
    }

    @Test
    void aRestoreEventThatMeetsAnotherWritersEventIsAVersionConflictAndChangesNothing() {
        UUID fresh = UUID.randomUUID();
        long head = positions.head();
        Map<String, Object> ofRestore = Map.of(AuditMetadata.RESTORE_ID, UUID.randomUUID().toString());

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RestoreNewConfigEntityCommand(
                    new RestoreConfigEntityCommand(fresh, new GroupState(Entities.unique("fresh"), List.of()),
                            Map.of(), Set.of(), RestoreMode.OVERWRITE))).andMetaData(ofRestore));
            // as if another request had created this id since the restore looked
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RestoreNewConfigEntityCommand(
                    new RestoreConfigEntityCommand(group, new GroupState(groupName, List.of()), Map.of(), Set.of(),
                            RestoreMode.OVERWRITE))).andMetaData(ofRestore));
        }));

        assertThat(failure).isNotNull();
        assertThat(problemCode(failure)).isEqualTo(ErrorCode.VERSION_CONFLICT.name());
        assertNothingChanged(head, fresh);
    }

    @Test
    void aDocumentOfAnotherFormatVersionIsRefused() {
        ObjectNode document = (ObjectNode) backup(SecretValues.OMITTED);
        document.put("version", "9.0");
        assertThatThrownBy(() -> restore(document, RestoreMode.OVERWRITE, true))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
        assertThatThrownBy(() -> restore(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(),
                RestoreMode.OVERWRITE, true)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_BACKUP));
    }
}
