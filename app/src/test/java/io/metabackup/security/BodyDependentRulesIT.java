package io.metabackup.security;

import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules the endpoint table cannot see because they depend on the request, and refusals that echo nothing. */
class BodyDependentRulesIT extends IntegrationTest {

    @Test
    void automatedBackupsWithSecretsNeedTheExportSecretsPermission() {
        Entities entities = new Entities(api());
        String destination = entities.storage();
        String profile = entities.profile();
        Api operator = user("settings:read", "settings:write", "backup:export").api();

        Api.Response refused = operator.put("/api/config/settings", Map.of("systemBackup", Map.of(
                "enabled", false, "destinationId", destination, "encryptionProfileId", profile,
                "includeSecrets", true)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");

        assertThat(api().put("/api/config/settings", Map.of("systemBackup", Map.of("enabled", false,
                "destinationId", destination, "encryptionProfileId", profile, "includeSecrets", true))).status())
                .isEqualTo(200);
        try {
            assertThat(operator.post("/api/system-backup/run", Map.of()).code()).isEqualTo("FORBIDDEN");
        } finally {
            assertThat(api().put("/api/config/settings", Map.of("systemBackup", Map.of("enabled", false)))
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aTokenCannotCreateTokens() {
        TestUser owner = user("adapters:read", "tokens:manage");
        String token = owner.api().post("/api/tokens", Map.of("name", "parent",
                "permissions", List.of("tokens:manage", "adapters:read"))).body().path("token").asText();

        Api.Response child = owner.api().anonymous().bearer(token).post("/api/tokens", Map.of("name", "child",
                "permissions", List.of("adapters:read")));

        assertThat(child.status()).isEqualTo(403);
    }

    @Test
    void malformedParametersAndUploadsGetAStableCodeAndNoEcho() {
        Api api = api();
        Api.Response badPage = api.get("/api/snapshots?page=99999999&size=500");
        assertThat(badPage.code()).isEqualTo("VALIDATION_FAILED");

        Api.Response badUuid = api.get("/api/config/groups/secret-looking-value");
        assertThat(badUuid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badUuid.body().path("detail").asText()).contains("id").doesNotContain("secret-looking-value");

        Api.Response badMultipart = api.send("POST", "/api/system-backup/restore", "--nonsense",
                Map.of("Content-Type", "multipart/form-data; boundary=xyz"));
        assertThat(badMultipart.status()).isEqualTo(400);
        assertThat(badMultipart.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void whatIsTypedAsAUsernameNeverReachesThePermanentAuditLog() {
        String typed = "password-typed-as-username-" + java.util.UUID.randomUUID();
        assertThat(anonymous().basic(typed, "whatever").get("/api/auth/me").status()).isEqualTo(401);

        String failures = api().get("/api/audit?action=LOGIN_FAILED&size=500").body().toString();
        assertThat(failures).doesNotContain(typed).contains("(no such account)");
    }
}
