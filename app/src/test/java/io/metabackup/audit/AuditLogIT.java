package io.metabackup.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log lists setup, logins, tokens and configuration changes, with filters and paging. */
class AuditLogIT extends IntegrationTest {

    @Test
    void listsWhoDidWhatWithFiltersAndPaging() {
        Instant start = Instant.now().minusMillis(5);
        TestUser alice = user("adapters:read", "tokens:manage", "groups:write");
        String secretPassword = "never in the audit log " + Entities.unique("pw");
        anonymous().post("/api/auth/login", Map.of("username", alice.username(), "password", secretPassword));
        assertThat(anonymous().post("/api/auth/login", Map.of("username", alice.username(),
                "password", alice.password())).status()).isEqualTo(200);
        Api.Response token = alice.api().post("/api/tokens", Map.of("name", "audited", "permissions",
                List.of("adapters:read")));
        alice.api().delete("/api/tokens/" + token.id());
        String group = new Entities(alice.api()).group();

        Api auditor = user("audit:read", "history:read").api();
        JsonNode setup = auditor.get("/api/audit?action=SETUP_COMPLETED").body();
        assertThat(setup.path("total").asLong()).isEqualTo(1);
        assertThat(setup.path("items").get(0).path("details").path("username").asText()).isEqualTo(ADMIN);

        JsonNode mine = auditor.get("/api/audit?actor=" + alice.username() + "&from=" + start).body();
        assertThat(actions(mine)).containsExactly("CONFIG_CREATED", "TOKEN_REVOKED", "TOKEN_CREATED",
                "LOGIN_SUCCEEDED");
        assertThat(mine.path("items").get(0).path("target").asText()).isEqualTo("groups/" + group);
        assertThat(mine.path("items").get(2).path("details").path("tokenId").asText()).isEqualTo(token.id());
        assertThat(mine.path("items").get(0).path("actorId").asText()).isEqualTo(alice.id());

        JsonNode failures = auditor.get("/api/audit?action=LOGIN_FAILED&from=" + start).body();
        assertThat(failures.path("items")).anySatisfy(entry -> {
            assertThat(entry.path("target").asText()).isEqualTo(alice.username());
            assertThat(entry.path("outcome").asText()).isEqualTo("FAILURE");
            assertThat(entry.path("actorName").asText()).isEqualTo("anonymous");
        });
        assertThat(auditor.get("/api/audit?size=500").body().toString()).doesNotContain(secretPassword)
                .doesNotContain(token.body().path("token").asText());

        JsonNode page0 = auditor.get("/api/audit?actor=" + alice.id() + "&from=" + start + "&size=3&page=0").body();
        JsonNode page1 = auditor.get("/api/audit?actor=" + alice.id() + "&from=" + start + "&size=3&page=1").body();
        assertThat(page0.path("total").asLong()).isEqualTo(4);
        assertThat(page0.path("items")).hasSize(3);
        assertThat(page1.path("items")).hasSize(1);
        assertThat(page1.path("items").get(0).path("action").asText()).isEqualTo("LOGIN_SUCCEEDED");
        assertThat(auditor.get("/api/audit?actor=" + alice.username() + "&to=" + start).body().path("total")
                .asLong()).isZero();
        assertThat(auditor.get("/api/audit?from=yesterday").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(alice.api().get("/api/audit").status()).isEqualTo(403);
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(item -> actions.add(item.path("action").asText()));
        return actions;
    }
}
