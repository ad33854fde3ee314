package io.metabackup.secrets;

import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import io.metabackup.support.StoredValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes secrets of every kind with unmistakable values through the API, then searches every table, every API
 * response and the log for them (as text, as hex and as base64 would show them).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noPlaintextSecretReachesTheDatabaseTheApiOrTheLog(CapturedOutput output) {
        Api api = api();
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "");
        List<String> secrets = new ArrayList<>();
        String adapterPassword = canary + "-adapter";
        String serviceAccount = "{\"private_key\":\"" + canary + "-gcs\"}";
        String clientSecret = canary + "-sso";
        String userPassword = canary + "-user";
        String profileKey = canary.substring(6, 38) + canary.substring(6, 38);
        secrets.addAll(List.of(adapterPassword, canary + "-gcs", clientSecret, userPassword, profileKey));

        String adapter = new Entities(api).adapter("DATABASE", "mysql", Map.of("password", adapterPassword));
        new Entities(api).adapter("STORAGE", "gcs", Map.of("serviceAccountJson", serviceAccount));
        new Entities(api).create("sso-providers", Map.of("providerId", Entities.unique("idp"), "name", "IdP",
                "issuerUrl", "https://idp.example", "clientId", "c", "secrets", Map.of("clientSecret", clientSecret)));
        String leakyUser = Entities.unique("leaky");
        new Entities(api).create("users", Map.of("username", leakyUser,
                "secrets", Map.of("password", userPassword)));
        // passwords travel in requests only: a session login, Basic, and failed attempts of both
        assertThat(anonymous().post("/api/auth/login", Map.of("username", leakyUser, "password", userPassword))
                .status()).isEqualTo(200);
        assertThat(anonymous().basic(leakyUser, userPassword).get("/api/auth/me").status()).isEqualTo(200);
        String wrongPassword = canary + "-wrong-password";
        secrets.add(wrongPassword);
        assertThat(anonymous().basic(leakyUser, wrongPassword).get("/api/auth/me").status()).isEqualTo(401);
        assertThat(anonymous().post("/api/auth/login", Map.of("username", leakyUser, "password", wrongPassword))
                .status()).isEqualTo(401);
        assertThat(anonymous().post("/api/setup", Map.of("username", "late", "password", wrongPassword,
                "email", "late@example.com")).status()).isEqualTo(409);
        new Entities(api).create("encryption-profiles", Map.of("name", Entities.unique("leak-profile"),
                "secrets", Map.of("key", profileKey)));
        String changed = canary + "-changed";
        secrets.add(changed);
        api.put("/api/config/adapters/" + adapter, Map.of("name", Entities.unique("renamed"), "kind", "DATABASE",
                "adapterType", "mysql", "secrets", Map.of("password", changed)));
        api.post("/api/config/adapters", Map.of("name", "", "kind", "DATABASE", "adapterType", "mysql",
                "secrets", Map.of("password", canary + "-rejected")));
        api.post("/api/config/adapters", Map.of("name", Entities.unique("bad"), "kind", "DATABASE",
                "adapterType", "mysql", "secrets", Map.of("password", Map.of("nested", canary + "-malformed"))));
        secrets.add(canary + "-rejected");
        secrets.add(canary + "-malformed");

        // an API token's value is in its creation response and nowhere else
        Api.Response token = api.post("/api/tokens", Map.of("name", "leak test", "permissions",
                List.of("adapters:read")));
        String tokenValue = token.body().path("token").asText();
        assertThat(anonymous().bearer(tokenValue).get("/api/config/adapters").status()).isEqualTo(200);
        assertThat(anonymous().bearer(tokenValue + "x").get("/api/config/adapters").status()).isEqualTo(401);

        List<String> stored = StoredValues.everyValueInEveryTable(jdbc);
        assertThat(stored).noneMatch(value -> value.contains(tokenValue));
        assertThat(output.getAll()).doesNotContain(tokenValue);
        assertThat(Api.allResponseBodies()).filteredOn(body -> body.contains(tokenValue)).hasSize(1);
        for (String secret : secrets) {
            List<String> forms = List.of(secret, HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)),
                    java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            for (String form : forms) {
                assertThat(stored).noneMatch(value -> value.contains(form));
                assertThat(Api.allResponseBodies()).noneMatch(body -> body.contains(form));
                assertThat(output.getAll()).doesNotContain(form);
            }
        }
        assertThat(stored).noneMatch(value -> value.contains("$argon2id$"));
        // positive controls: the search does see what was written, so the absence above means something
        String adapterName = api.get("/api/config/adapters/" + adapter).body().path("name").asText();
        assertThat(stored).anyMatch(value -> value.contains(adapterName));
        assertThat(Api.allResponseBodies()).anyMatch(body -> body.contains(adapterName));
        org.slf4j.LoggerFactory.getLogger(SecretLeakIT.class).info("control line {}", adapterName);
        assertThat(output.getAll()).contains("control line " + adapterName);
        assertThat(stored).anyMatch(value -> value.contains("ciphertext"));
    }
}
