package io.metabackup.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.config.EntityType;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RevertIT extends IntegrationTest {

    @Autowired
    CurrentConfiguration configuration;
    @Autowired
    SecretSealer sealer;

    @Test
    void aRevertIsANewAuditedChangeThatBringsBackStateAndSecrets() {
        Api api = api();
        String name = Entities.unique("revert");
        String firstPassword = "first-" + UUID.randomUUID();
        String id = new Entities(api).create("adapters", Map.of("name", name, "kind", "DATABASE",
                "adapterType", "postgres", "settings", Map.of("host", "db1"),
                "secrets", Map.of("password", firstPassword, "token", "t-" + UUID.randomUUID())));
        api.put("/api/config/adapters/" + id, Map.of("name", name + "-2", "kind", "DATABASE", "adapterType", "mysql",
                "settings", Map.of("host", "db2"), "secrets", Map.of("password", "second-" + UUID.randomUUID())));
        Map<String, Object> removeToken = new java.util.HashMap<>();
        removeToken.put("token", null);
        api.put("/api/config/adapters/" + id, Map.of("name", name + "-3", "kind", "DATABASE", "adapterType", "mysql",
                "secrets", removeToken));

        assertThat(api.post("/api/config/adapters/" + id + "/revert", Map.of("version", 0, "expectedVersion", 1))
                .code()).isEqualTo("VERSION_CONFLICT");
        Api.Response reverted = api.post("/api/config/adapters/" + id + "/revert", Map.of("version", 0,
                "expectedVersion", 2));

        assertThat(reverted.status()).as(reverted.body().toString()).isEqualTo(200);
        assertThat(reverted.version()).isEqualTo(3);
        assertThat(reverted.body().path("name").asText()).isEqualTo(name);
        assertThat(reverted.body().path("adapterType").asText()).isEqualTo("postgres");
        assertThat(reverted.body().path("settings").path("host").asText()).isEqualTo("db1");
        assertThat(reverted.body().path("secretsSet").toString()).isEqualTo("[\"password\",\"token\"]");
        var record = configuration.find(EntityType.ADAPTER, UUID.fromString(id)).orElseThrow();
        assertThat(sealer.open(record.id(), "password", record.secrets().get("password")).reveal())
                .isEqualTo(firstPassword);

        JsonNode entry = api.get("/api/history?id=" + id).body().path("entries").get(0);
        assertThat(entry.path("action").asText()).isEqualTo("REVERTED");
        assertThat(entry.path("revertedToVersion").asLong()).isZero();
        assertThat(entry.path("version").asLong()).isEqualTo(3);
        assertThat(entry.path("changes").toString()).contains("\"field\":\"secrets.password\",\"changed\":true")
                .contains("\"field\":\"secrets.token\",\"changed\":true").doesNotContain(firstPassword);
        assertThat(api.get("/api/history/entities/" + id + "/versions").body()).hasSize(4);
    }

    @Test
    void revertsOfMissingVersionsDeletionsAndDeletedEntitiesAreRefused() {
        Api api = api();
        String name = Entities.unique("gone");
        String id = new Entities(api).create("groups", Map.of("name", name, "permissions", List.of()));
        api.put("/api/config/groups/" + id, Map.of("name", name, "permissions", List.of("jobs:read")));

        assertThat(api.post("/api/config/groups/" + id + "/revert", Map.of("version", 9)).code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/config/groups/" + id + "/revert", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/config/jobs/" + id + "/revert", Map.of("version", 0)).code())
                .isEqualTo("NOT_FOUND");

        assertThat(api.delete("/api/config/groups/" + id).status()).isEqualTo(204);
        Api.Response deleted = api.post("/api/config/groups/" + id + "/revert", Map.of("version", 0));
        assertThat(deleted.code()).isEqualTo("NOT_FOUND");
        assertThat(deleted.body().path("detail").asText()).contains("restore");
        assertThat(api.get("/api/history?id=" + id).body().path("total").asLong()).isEqualTo(3);
    }
}
