package io.metabackup.api.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupMetadataTest {

    private static final UUID PROFILE = UUID.fromString("7d7f6a4e-8c1b-4a53-9d4f-0d3c2b1a0e9f");

    @Test
    void theMetadataHasTheDocumentedFieldsAndReadsBack() throws Exception {
        BackupMetadata meta = new BackupMetadata("1.0", Instant.parse("2024-01-15T12:00:05Z"),
                Instant.parse("2024-01-15T12:00:00Z"), 4L, 42, Map.of("adapters", 2, "users", 1), true, "GZIP",
                new BackupMetadata.Encryption(true, PROFILE, "aes-256-gcm", "00".repeat(12), "11".repeat(16)),
                "aa".repeat(32), "bb".repeat(32), null);

        JsonNode json = new ObjectMapper().readTree(meta.toJson());

        assertThat(json.path("encryption").path("enabled").booleanValue()).isTrue();
        assertThat(json.path("encryption").path("profileId").textValue()).isEqualTo(PROFILE.toString());
        assertThat(json.path("encryption").path("algorithm").textValue()).isEqualTo("aes-256-gcm");
        assertThat(json.path("encryption").path("iv").textValue()).hasSize(24);
        assertThat(json.path("encryption").path("authTag").textValue()).hasSize(32);
        assertThat(json.path("compression").textValue()).isEqualTo("GZIP");
        assertThat(json.path("includesSecrets").booleanValue()).isTrue();
        assertThat(json.path("exportedAt").textValue()).isEqualTo("2024-01-15T12:00:05Z");
        assertThat(json.path("formatVersion").textValue()).isEqualTo("1.0");
        assertThat(json.path("snapshotVersion").longValue()).isEqualTo(4);
        assertThat(json.path("position").longValue()).isEqualTo(42);
        assertThat(json.path("entityCounts").path("adapters").intValue()).isEqualTo(2);
        assertThat(json.has("chainHead")).isTrue();
        assertThat(json.path("chainHead").isNull()).isTrue();
        assertThat(BackupMetadata.parse(meta.toJson())).isEqualTo(meta);
    }

    @Test
    void unknownFieldsAreIgnoredButMissingOnesAndOtherMajorVersionsAreNot() {
        String good = """
                {"formatVersion":"1.3","exportedAt":"2024-01-15T12:00:05Z","position":1,"includesSecrets":false,
                 "compression":"GZIP","encryption":{"enabled":false},"fileSha256":"aa","plaintextSha256":"bb",
                 "somethingNew":{"x":1}}""";
        assertThat(BackupMetadata.parse(good.getBytes(StandardCharsets.UTF_8)).formatVersion()).isEqualTo("1.3");

        assertThatThrownBy(() -> BackupMetadata.parse(good.replace("\"fileSha256\":\"aa\",", "")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_BACKUP));
        assertThatThrownBy(() -> BackupMetadata.parse(good.replace("1.3", "2.0").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
        assertThatThrownBy(() -> BackupMetadata.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_BACKUP));
    }
}
