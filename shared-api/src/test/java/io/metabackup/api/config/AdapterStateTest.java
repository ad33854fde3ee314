package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class AdapterStateTest {

    private static AdapterState withType(String adapterType) {
        return new AdapterState("Backups", AdapterKind.STORAGE, adapterType, Map.of("path", "/var/backups"));
    }

    private static AdapterState withSetting(String key) {
        return new AdapterState("Backups", AdapterKind.STORAGE, "gcs", Map.of(key, "x"));
    }

    @Test
    void aCompleteAdapterIsValid() {
        AdapterState adapter = Samples.adapter();

        assertThat(adapter.validate()).isEmpty();
        assertThat(adapter.type()).isEqualTo(EntityType.ADAPTER);
        assertThat(adapter.naturalKey()).isEqualTo("Orders DB");
        assertThat(adapter.references()).isEmpty();
    }

    @Test
    void nullSettingsBecomeEmpty() {
        AdapterState adapter = new AdapterState("Hook", AdapterKind.NOTIFICATION, "webhook", null);

        assertThat(adapter.settings()).isNotNull().isEmpty();
        assertThat(adapter.validate()).isEmpty();
    }

    @Test
    void settingsAreCopiedAndSortedByName() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("region", "eu");
        settings.put("bucket", "b");
        AdapterState adapter = new AdapterState("Bucket", AdapterKind.STORAGE, "gcs", settings);
        settings.put("prefix", "later");

        assertThat(adapter.settings()).containsOnlyKeys("bucket", "region");
        assertThat(adapter.settings().keySet()).containsExactly("bucket", "region");
        assertThat(adapter).isEqualTo(new AdapterState("Bucket", AdapterKind.STORAGE, "gcs",
                Map.of("region", "eu", "bucket", "b")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " Backups", "Backups ", "\tBackups"})
    void nameMustBeNonBlankWithoutSurroundingWhiteSpace(String name) {
        AdapterState adapter = new AdapterState(name, AdapterKind.STORAGE, "local", null);

        assertThat(fields(adapter.validate())).containsOnly("name");
    }

    @Test
    void nameMayBe200CharactersButNotMore() {
        assertThat(new AdapterState("n".repeat(200), AdapterKind.STORAGE, "local", null).validate()).isEmpty();
        assertThat(new AdapterState("n".repeat(201), AdapterKind.STORAGE, "local", null).validate())
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("name");
                    assertThat(error.message()).contains("200");
                });
    }

    @Test
    void kindIsRequired() {
        assertThat(new AdapterState("Backups", null, "local", null).validate())
                .containsExactly(new FieldError("kind", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "gcs", "s3", "postgres", "s3-compatible", "a", "x1",
            "abcdefghijklmnopqrstuvwxyz0123456789-abc"})
    void adapterTypeIsALowerCaseName(String adapterType) {
        assertThat(withType(adapterType).validate()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Postgres", "GCS", "1pg", "-pg", "pg_sql", "pg sql", "pg.sql",
            "abcdefghijklmnopqrstuvwxyz0123456789-abcd"})
    void otherAdapterTypesAreRefused(String adapterType) {
        assertThat(fields(withType(adapterType).validate())).containsExactly("adapterType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "dbPassword", "PASSWORD", "passwd", "secret", "clientSecret", "token",
            "accessToken", "apiKey", "api_key", "api-key", "API_KEY", "privateKey", "private_key", "private-key",
            "credential", "credentials", "serviceAccountJson", "gcsServiceAccountJsonFile", "myCredentialsPath"})
    void settingNamesThatLookLikeSecretsAreRefused(String key) {
        assertThat(withSetting(key).validate()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("settings." + key);
            assertThat(error.message()).contains("secrets");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "port", "bucket", "username", "user", "database", "region", "path", "keyPrefix",
            "sslMode"})
    void ordinarySettingNamesAreAccepted(String key) {
        assertThat(withSetting(key).validate()).isEmpty();
    }

    @Test
    void everySecretLikeSettingIsReported() {
        AdapterState adapter = new AdapterState("Bucket", AdapterKind.STORAGE, "s3",
                Map.of("bucket", "b", "secretAccessKey", "x", "accessToken", "y"));

        assertThat(fields(adapter.validate())).containsExactly("settings.accessToken", "settings.secretAccessKey");
    }

    @Test
    void allBrokenRulesAreReportedTogether() {
        AdapterState adapter = new AdapterState(null, null, "Bad", Map.of("password", "x"));

        assertThat(fields(adapter.validate())).containsExactly("name", "kind", "adapterType", "settings.password");
    }
}
