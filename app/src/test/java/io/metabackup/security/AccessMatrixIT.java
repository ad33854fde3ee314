package io.metabackup.security;

import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 401 versus 403, endpoint by endpoint and role by role. 401: no usable identity (none, a disabled user, a revoked
 * or expired token). 403: a real identity without the permission. "ok": security let the request through (the
 * handler may still answer 400 or 404 to the deliberately incomplete requests used here).
 */
class AccessMatrixIT extends IntegrationTest {

    private static final String INVALID = "{\"unknown field\": true}";

    private enum Role { ADMIN, AUDITOR, ADAPTER_READER, DISABLED_USER, REVOKED_TOKEN, EXPIRED_TOKEN, ANONYMOUS }

    /** method, path, then the expected outcome for each role in the order of {@link Role}. */
    private static final String[][] TABLE = {
            {"GET", "/api/config/adapters", "ok", "403", "ok", "401", "401", "401", "401"},
            {"GET", "/api/config/adapters/{random}", "ok", "403", "ok", "401", "401", "401", "401"},
            {"POST", "/api/config/adapters", "ok", "403", "403", "401", "401", "401", "401"},
            {"PUT", "/api/config/adapters/{random}", "ok", "403", "403", "401", "401", "401", "401"},
            {"DELETE", "/api/config/adapters/{random}", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/config/users", "ok", "403", "403", "401", "401", "401", "401"},
            {"POST", "/api/config/groups", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/config/encryption-profiles", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/config/settings", "ok", "403", "403", "401", "401", "401", "401"},
            {"PUT", "/api/config/settings", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/audit", "ok", "ok", "403", "401", "401", "401", "401"},
            {"GET", "/api/tokens", "ok", "403", "403", "401", "401", "401", "401"},
            {"POST", "/api/tokens", "ok", "403", "403", "401", "401", "401", "401"},
            {"DELETE", "/api/tokens/{random}", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/auth/me", "ok", "ok", "ok", "401", "401", "401", "401"},
            {"POST", "/api/vault/profiles/import", "ok", "403", "403", "401", "401", "401", "401"},
            {"POST", "/api/system-backup/export", "ok", "403", "403", "401", "401", "401", "401"},
            {"POST", "/api/system-backup/run", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/system-backup/runs", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/system-backup/destinations/{random}/backups", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/snapshots", "ok", "ok", "403", "401", "401", "401", "401"},
            {"GET", "/api/history", "ok", "ok", "403", "401", "401", "401", "401"},
            {"GET", "/api/history/export?format=csv", "ok", "ok", "403", "401", "401", "401", "401"},
            {"GET", "/api/config/snapshot", "ok", "ok", "403", "401", "401", "401", "401"},
            {"GET", "/api/config/diff?from=0&to=1", "ok", "ok", "403", "401", "401", "401", "401"},
            {"GET", "/api/audit/verify", "ok", "ok", "403", "401", "401", "401", "401"},
            {"POST", "/api/config/adapters/{random}/revert", "ok", "403", "403", "401", "401", "401", "401"},
            {"POST", "/api/system-backup/restore", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/vault/profiles/{random}/key", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/api/vault/recovery-kit?profileIds={random}", "ok", "403", "403", "401", "401", "401", "401"},
            {"GET", "/actuator/metrics", "ok", "ok", "403", "401", "401", "401", "401"},
            // public, yet credentials that are sent are checked, and refused ones are refused everywhere
            {"GET", "/actuator/health", "ok", "ok", "ok", "401", "401", "401", "ok"},
            {"GET", "/api/setup", "ok", "ok", "ok", "401", "401", "401", "ok"},
            {"GET", "/api/not-mapped", "403", "403", "403", "401", "401", "401", "401"},
    };

    @Test
    void eachRoleGetsTheAnswerTheTableSays() {
        Map<Role, Api> clients = clients();
        List<String> wrong = new ArrayList<>();
        for (String[] row : TABLE) {
            String path = row[1].replace("{random}", UUID.randomUUID().toString());
            for (Role role : Role.values()) {
                String expected = row[2 + role.ordinal()];
                Api.Response response = clients.get(role).send(row[0], path, row[0].equals("GET") ? null : INVALID,
                        Map.of());
                String actual = response.status() == 401 || response.status() == 403
                        ? String.valueOf(response.status()) : "ok";
                if (!actual.equals(expected)) {
                    wrong.add(row[0] + " " + row[1] + " as " + role + ": expected " + expected + ", got "
                            + response.status() + " " + response.body());
                } else if (!actual.equals("ok")) {
                    assertThat(response.code()).isEqualTo(actual.equals("401") ? "UNAUTHORIZED" : "FORBIDDEN");
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Map<Role, Api> clients() {
        TestUser expiring = user("adapters:read", "tokens:manage");
        String expiringToken = expiring.api().post("/api/tokens", Map.of("name", "short-lived",
                "permissions", List.of("adapters:read"), "expiresAt", Instant.now().plusSeconds(2).toString()))
                .body().path("token").asText();

        Map<Role, Api> clients = new LinkedHashMap<>();
        clients.put(Role.ADMIN, api());
        clients.put(Role.AUDITOR, user("history:read", "audit:read").api());
        clients.put(Role.ADAPTER_READER, user("adapters:read").api());

        TestUser disabled = user("adapters:read");
        Map<String, Object> off = new LinkedHashMap<>();
        off.put("username", disabled.username());
        off.put("groupIds", List.of(disabled.groupId()));
        off.put("enabled", false);
        assertThat(api().put("/api/config/users/" + disabled.id(), off).status()).isEqualTo(200);
        clients.put(Role.DISABLED_USER, disabled.api());

        TestUser revoker = user("adapters:read", "tokens:manage");
        Api.Response revoked = revoker.api().post("/api/tokens", Map.of("name", "revoked",
                "permissions", List.of("adapters:read")));
        Api revokedClient = anonymous().bearer(revoked.body().path("token").asText());
        assertThat(revokedClient.get("/api/config/adapters").status()).as("works before revocation").isEqualTo(200);
        assertThat(revoker.api().delete("/api/tokens/" + revoked.id()).status()).isEqualTo(204);
        clients.put(Role.REVOKED_TOKEN, revokedClient);

        Api expired = anonymous().bearer(expiringToken);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> expired.get("/api/config/adapters").status() == 401);
        clients.put(Role.EXPIRED_TOKEN, expired);
        clients.put(Role.ANONYMOUS, anonymous());
        assertThat(new Entities(api()).storage()).as("admin can still write").isNotBlank();
        return clients;
    }
}
