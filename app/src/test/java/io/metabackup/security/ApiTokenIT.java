package io.metabackup.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.support.Api;
import io.metabackup.support.IntegrationTest;
import io.metabackup.support.StoredValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens over HTTP: shown once, stored as a hash, limited to their owner's permissions, revoked at once. */
class ApiTokenIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenIsShownOnceStoredOnlyAsAHashListedAndRefusedAtOnceWhenRevoked() {
        TestUser owner = user("adapters:read", "jobs:read", "tokens:manage");
        Api.Response created = owner.api().post("/api/tokens", Map.of("name", "ci pipeline",
                "permissions", List.of("adapters:read")));
        assertThat(created.status()).isEqualTo(201);
        String token = created.body().path("token").asText();
        assertThat(token).startsWith("mbk_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.body().path("permissions").toString()).isEqualTo("[\"adapters:read\"]");

        List<String> stored = StoredValues.everyValueInEveryTable(jdbc);
        assertThat(stored).noneMatch(value -> value.contains(token));
        assertThat(stored).noneMatch(value -> value.contains(token.substring(4)));
        assertThat(stored).as("the SHA-256 is what is kept").anyMatch(value -> value.equals(TokenValues.hash(token)));

        JsonNode listed = owner.api().get("/api/tokens").body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("ci pipeline");
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.toString()).doesNotContain(token).doesNotContain(TokenValues.hash(token));

        Api bearer = anonymous().bearer(token);
        assertThat(bearer.get("/api/config/adapters").status()).isEqualTo(200);
        assertThat(bearer.get("/api/config/jobs").status()).as("the owner may, the token may not").isEqualTo(403);
        Api.Response me = bearer.get("/api/auth/me");
        assertThat(me.body().path("username").asText()).isEqualTo(owner.username());
        assertThat(me.body().path("tokenId").asText()).isEqualTo(created.id());
        assertThat(bearer.post("/api/config/adapters", Map.of("name", "x")).status())
                .as("no CSRF needed, but no permission either").isEqualTo(403);

        TestUser stranger = user("tokens:manage");
        assertThat(stranger.api().delete("/api/tokens/" + created.id()).code()).isEqualTo("NOT_FOUND");
        assertThat(stranger.api().get("/api/tokens").body()).isEmpty();
        assertThat(bearer.get("/api/config/adapters").status()).isEqualTo(200);

        assertThat(owner.api().delete("/api/tokens/" + created.id()).status()).isEqualTo(204);
        assertThat(bearer.get("/api/config/adapters").status()).isEqualTo(401);
        assertThat(owner.api().get("/api/tokens").body().get(0).path("revokedAt").isNull()).isFalse();
        assertThat(anonymous().bearer("mbk_" + "A".repeat(43)).get("/api/config/adapters").status()).isEqualTo(401);
    }

    @Test
    void aTokenNeverHoldsMoreThanItsOwner() {
        TestUser owner = user("adapters:read", "tokens:manage");
        Api.Response beyond = owner.api().post("/api/tokens", Map.of("name", "greedy",
                "permissions", List.of("adapters:read", "adapters:write")));
        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.body().path("detail").asText()).contains("adapters:write");
        assertThat(owner.api().post("/api/tokens", Map.of("name", "past", "permissions", List.of("adapters:read"),
                "expiresAt", "2000-01-01T00:00:00Z")).code()).isEqualTo("VALIDATION_FAILED");

        Api.Response created = owner.api().post("/api/tokens", Map.of("name", "reader",
                "permissions", List.of("adapters:read", "tokens:manage")));
        Api bearer = anonymous().bearer(created.body().path("token").asText());
        Api.Response minted = bearer.post("/api/tokens", Map.of("name", "child",
                "permissions", List.of("adapters:read", "tokens:manage")));
        assertThat(minted.status()).as("a token could outlive its own revocation through tokens it made")
                .isEqualTo(403);

        // what the owner loses, the token loses with it; a disabled owner's tokens stop working
        String groupName = api().get("/api/config/groups/" + owner.groupId()).body().path("name").asText();
        assertThat(api().put("/api/config/groups/" + owner.groupId(), Map.of("name", groupName,
                "permissions", List.of("tokens:manage"))).status()).isEqualTo(200);
        assertThat(bearer.get("/api/config/adapters").status()).isEqualTo(403);
        Map<String, Object> disabled = new LinkedHashMap<>();
        disabled.put("username", owner.username());
        disabled.put("groupIds", List.of(owner.groupId()));
        disabled.put("enabled", false);
        assertThat(api().put("/api/config/users/" + owner.id(), disabled).status()).isEqualTo(200);
        assertThat(bearer.get("/api/tokens").status()).isEqualTo(401);
    }

    @Test
    void tokensAdminListsAndRevokesEveryonesTokens() {
        TestUser owner = user("adapters:read", "tokens:manage");
        Api.Response created = owner.api().post("/api/tokens", Map.of("name", "someone's",
                "permissions", List.of("adapters:read")));
        TestUser tokenAdmin = user("tokens:admin");
        assertThat(tokenAdmin.api().get("/api/tokens").body().toString()).contains(created.id());
        assertThat(tokenAdmin.api().delete("/api/tokens/" + created.id()).status()).isEqualTo(204);
        assertThat(anonymous().bearer(created.body().path("token").asText()).get("/api/config/adapters").status())
                .isEqualTo(401);
    }
}
