package io.metabackup.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.audit.AuditMetadata;
import io.metabackup.api.audit.ChangeSource;
import io.metabackup.api.backup.BackupDocument;
import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.PointInTimeConfiguration;
import io.metabackup.query.history.SnapshotStore;
import io.metabackup.query.history.StreamPositions;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted history: creates, updates, deletes and a restore at known times. At every step the live read model is
 * captured as the expected configuration; afterwards the reconstruction at each step's position and instant must
 * equal it, with and without snapshots, and history, versions and diffs must tell the same story.
 */
class HistoryIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CommandGateway commands;
    @Autowired
    StreamPositions positions;
    @Autowired
    SnapshotStore snapshots;
    @Autowired
    PointInTimeConfiguration history;

    private final List<Step> steps = new ArrayList<>();

    @Test
    void everyStepOfAScriptedHistoryCanBeReconstructedListedAndCompared() throws Exception {
        Api api = api();
        step(api, "start");

        String groupName = Entities.unique("auditors");
        String group = new Entities(api).create("groups", Map.of("name", groupName, "permissions", List.of()));
        Step groupCreated = step(api, "group created");

        String adapterName = Entities.unique("pg");
        String password = "first-" + UUID.randomUUID();
        String adapter = new Entities(api).create("adapters", Map.of("name", adapterName, "kind", "DATABASE",
                "adapterType", "postgres", "settings", Map.of("host", "db1"), "secrets", Map.of("password", password)));
        step(api, "adapter created");

        assertThat(api.put("/api/config/groups/" + group, Map.of("name", groupName,
                "permissions", List.of("jobs:read"))).status()).isEqualTo(200);
        step(api, "group updated");

        String renamed = adapterName + "-renamed";
        String secondPassword = "second-" + UUID.randomUUID();
        assertThat(api.put("/api/config/adapters/" + adapter, Map.of("name", renamed, "kind", "DATABASE",
                "adapterType", "postgres", "settings", Map.of("host", "db2"),
                "secrets", Map.of("password", secondPassword))).status()).isEqualTo(200);
        Step adapterUpdated = step(api, "adapter renamed, new password");

        assertThat(api.delete("/api/config/groups/" + group).status()).isEqualTo(204);
        step(api, "group deleted");

        String restoreId = "restore-" + UUID.randomUUID();
        UUID restoredGroup = UUID.randomUUID();
        String restoredName = Entities.unique("restored");
        restore(restoreId, new CreateConfigEntityCommand(restoredGroup, new GroupState(restoredName,
                List.of("history:read")), Map.of()));
        restore(restoreId, new UpdateConfigEntityCommand(UUID.fromString(adapter), null, new AdapterState(renamed,
                AdapterKind.DATABASE, "postgres", Map.of("host", "db1")), Map.of(), Set.of()));
        Step restored = step(api, "restore");

        // the reconstruction at every step equals what the live read model showed then
        for (Step step : steps) {
            assertThat(snapshotData(api, "position=" + step.position())).as(step.label()).isEqualTo(step.expected());
            assertThat(snapshotData(api, "asOf=" + step.instant())).as(step.label()).isEqualTo(step.expected());
        }
        // a snapshot in the middle changes how far back the fold starts, never the result
        snapshots.save(history.at(PointInTime.atPosition(groupCreated.position())), groupCreated.position(), "TEST");
        for (Step step : steps) {
            assertThat(snapshotData(api, "position=" + step.position())).as(step.label()).isEqualTo(step.expected());
            assertThat(BackupDocument.canonical(history.atWithoutSnapshots(PointInTime.atPosition(step.position())),
                    SecretValues.OMITTED)).isEqualTo(BackupDocument.canonical(
                    history.at(PointInTime.atPosition(step.position())), SecretValues.OMITTED));
        }
        Api.Response snapshot = api.get("/api/config/snapshot?position=" + adapterUpdated.position());
        assertThat(snapshot.body().path("pointInTime").path("position").asLong()).isEqualTo(adapterUpdated.position());
        assertThat(snapshot.body().path("version").asText()).isEqualTo("1.0");
        assertThat(snapshot.body().toString()).doesNotContain(password).doesNotContain(secondPassword);

        // history of the group: newest first, with field values before and after
        JsonNode groupHistory = api.get("/api/history?id=" + group).body();
        assertThat(groupHistory.path("total").asLong()).isEqualTo(3);
        assertThat(actions(groupHistory)).containsExactly("DELETED", "UPDATED", "CREATED");
        JsonNode update = groupHistory.path("entries").get(1);
        assertThat(update.path("type").asText()).isEqualTo("groups");
        assertThat(update.path("entityName").asText()).isEqualTo(groupName);
        assertThat(update.path("actorId").asText()).isEqualTo(api.get("/api/auth/me").body().path("id").asText());
        assertThat(update.path("actorName").asText()).isEqualTo(ADMIN);
        assertThat(update.path("source").asText()).isEqualTo("API");
        assertThat(update.path("changes")).isEqualTo(JSON.readTree(
                "[{\"field\":\"permissions\",\"before\":[],\"after\":[\"jobs:read\"]}]"));
        assertThat(groupHistory.path("entries").get(2).path("changes")).isEqualTo(JSON.readTree(
                "[{\"field\":\"name\",\"before\":null,\"after\":\"" + groupName + "\"}]"));
        assertThat(groupHistory.path("entries").get(0).path("changes")).isEqualTo(JSON.readTree(
                "[{\"field\":\"name\",\"before\":\"" + groupName + "\",\"after\":null},"
                        + "{\"field\":\"permissions\",\"before\":[\"jobs:read\"],\"after\":null}]"));

        // a secret says only that it changed
        JsonNode adapterUpdate = api.get("/api/history?id=" + adapter + "&action=UPDATED").body().path("entries").get(0);
        assertThat(adapterUpdate.path("changes")).contains(
                JSON.readTree("{\"field\":\"name\",\"before\":\"" + adapterName + "\",\"after\":\"" + renamed + "\"}"),
                JSON.readTree("{\"field\":\"settings\",\"before\":{\"host\":\"db1\"},\"after\":{\"host\":\"db2\"}}"),
                JSON.readTree("{\"field\":\"secrets.password\",\"changed\":true}"));

        // the restore is recorded as such, with its id
        JsonNode restoreEntries = api.get("/api/history?source=RESTORE&from=" + adapterUpdated.instant()).body();
        assertThat(restoreEntries.path("total").asLong()).isEqualTo(2);
        for (JsonNode entry : restoreEntries.path("entries")) {
            assertThat(entry.path("action").asText()).isEqualTo("RESTORED");
            assertThat(entry.path("restoreId").asText()).isEqualTo(restoreId);
            assertThat(entry.path("actorId").asText()).isEqualTo(AuditMetadata.SYSTEM_ACTOR);
        }
        assertThat(api.get("/api/history?type=groups&action=RESTORED&from=" + adapterUpdated.instant()).body()
                .path("entries").get(0).path("entityId").asText()).isEqualTo(restoredGroup.toString());
        assertThat(api.get("/api/history?actor=anonymous&id=" + restoredGroup).body().path("total").asLong()).isZero();
        JsonNode page = api.get("/api/history?id=" + group + "&size=1&page=1").body();
        assertThat(page.path("entries")).hasSize(1);
        assertThat(page.path("entries").get(0).path("action").asText()).isEqualTo("UPDATED");

        // versions of one entity, each readable whole
        assertThat(api.get("/api/history/entities/" + group + "/versions").body()).hasSize(3);
        JsonNode version1 = api.get("/api/history/entities/" + adapter + "/versions/1").body();
        assertThat(version1.path("entity").path("name").asText()).isEqualTo(renamed);
        assertThat(version1.path("entity").path("secretsSet")).containsExactly(JSON.getNodeFactory().textNode("password"));
        assertThat(version1.toString()).doesNotContain("ciphertext").doesNotContain(secondPassword);
        assertThat(api.get("/api/history/entities/" + group + "/versions/2").body().path("entity").isNull()).isTrue();
        assertThat(api.get("/api/history/entities/" + group + "/versions/7").code()).isEqualTo("NOT_FOUND");

        // diff between two points: added, removed, changed with field changes
        JsonNode diff = api.get("/api/config/diff?from=" + groupCreated.position() + "&to=" + restored.instant())
                .body();
        assertThat(diff.path("from").path("position").asLong()).isEqualTo(groupCreated.position());
        assertThat(diff.path("to").path("position").asLong()).isEqualTo(restored.position());
        assertThat(ids(diff.path("added"))).containsExactlyInAnyOrder(adapter, restoredGroup.toString());
        assertThat(ids(diff.path("removed"))).containsExactly(group);
        assertThat(diff.path("changed")).isEmpty();
        JsonNode changed = api.get("/api/config/diff?from=" + steps.get(2).instant() + "&to="
                + restored.position()).body().path("changed");
        assertThat(ids(changed)).containsExactly(adapter);
        assertThat(changed.get(0).path("changes")).containsExactlyInAnyOrder(
                JSON.readTree("{\"field\":\"name\",\"before\":\"" + adapterName + "\",\"after\":\"" + renamed + "\"}"),
                JSON.readTree("{\"field\":\"secrets.password\",\"changed\":true}"));
    }

    @Test
    void pointInTimeParametersAreChecked() {
        Api api = api();
        assertThat(api.get("/api/config/snapshot?asOf=yesterday").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/config/snapshot?position=-3").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/config/snapshot?position=1&asOf=2024-01-01T00:00:00Z").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/config/diff?from=soon").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/history?type=widgets").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/history?source=FAX").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/history?size=100000").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/history/entities/" + UUID.randomUUID() + "/versions").code()).isEqualTo("NOT_FOUND");
        // before the first event the configuration is empty; the latest is the default
        JsonNode empty = api.get("/api/config/snapshot?asOf=2000-01-01T00:00:00Z").body();
        assertThat(empty.path("pointInTime").path("position").asLong()).isZero();
        assertThat(empty.path("data").path("groups")).isEmpty();
        assertThat(api.get("/api/config/snapshot").body().path("pointInTime").path("position").asLong())
                .isEqualTo(positions.head());
        // the literal paths do not shadow the entity routes
        assertThat(api.get("/api/config/groups").status()).isEqualTo(200);
        assertThat(api.get("/api/config/settings").status()).isEqualTo(200);
    }

    private void restore(String restoreId, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetadata.SOURCE, ChangeSource.RESTORE.name(), AuditMetadata.RESTORE_ID, restoreId)));
    }

    /** Records where the stream is and what the live read model holds, a few milliseconds clear of any event. */
    private Step step(Api api, String label) throws InterruptedException {
        Thread.sleep(5);
        Step step = new Step(label, positions.head(), Instant.now(), liveData(api));
        Thread.sleep(5);
        steps.add(step);
        return step;
    }

    /** The live configuration, arranged as a backup document arranges it (by id, secrets as placeholders). */
    private static JsonNode liveData(Api api) {
        ObjectNode data = JSON.createObjectNode();
        for (EntityType type : EntityType.values()) {
            if (type.isSingleton()) {
                data.set(type.documentKey(), withPlaceholders(api.get("/api/config/settings").body()));
                continue;
            }
            List<JsonNode> entities = new ArrayList<>();
            api.get("/api/config/" + type.path()).body().forEach(entities::add);
            entities.sort(Comparator.comparing(entity -> UUID.fromString(entity.path("id").asText())));
            ArrayNode array = data.putArray(type.documentKey());
            entities.forEach(entity -> array.add(withPlaceholders(entity)));
        }
        return data;
    }

    private static JsonNode withPlaceholders(JsonNode entity) {
        ObjectNode copy = entity.deepCopy();
        if (!copy.path("secretsSet").isEmpty()) {
            ObjectNode secrets = copy.putObject("secrets");
            copy.path("secretsSet").forEach(name -> secrets.set(name.asText(), BackupDocument.placeholder()));
        }
        return copy;
    }

    private static JsonNode snapshotData(Api api, String query) {
        Api.Response response = api.get("/api/config/snapshot?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        return response.body().path("data");
    }

    private static List<String> actions(JsonNode page) {
        return StreamSupport.stream(page.path("entries").spliterator(), false)
                .map(entry -> entry.path("action").asText()).toList();
    }

    private static List<String> ids(JsonNode refs) {
        return StreamSupport.stream(refs.spliterator(), false).map(ref -> ref.path("id").asText()).toList();
    }

    private record Step(String label, long position, Instant instant, JsonNode expected) {
    }
}
