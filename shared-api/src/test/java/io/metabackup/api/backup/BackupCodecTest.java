package io.metabackup.api.backup;

import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupCodecTest {

    private static final byte[] KEY = HexKey.parse(HexKey.generate()).orElseThrow();
    private static final byte[] DOCUMENT = """
            {"data":{"adapters":[],"groups":[{"id":"g","name":"ops"}]},"position":7,"timestamp":"2024-01-15T12:00:00Z","version":"1.0"}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final UUID PROFILE = UUID.randomUUID();

    @Test
    void anEncryptedBackupRoundTrips() {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        BackupMetadata meta = BackupMetadata.parse(metadata(encoded, PROFILE).toJson());

        BackupCodec.Verified verified = BackupCodec.decode(encoded.file(), meta, KEY, 1 << 20);

        assertThat(verified.plaintext()).isEqualTo(DOCUMENT);
        assertThat(verified.document().path("position").asLong()).isEqualTo(7);
        assertThat(meta.encryption().profileId()).isEqualTo(PROFILE);
    }

    @Test
    void theFileIsGzipEncryptedWithTheTagKeptOut() throws Exception {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        byte[] gzip = BackupCodec.gzip(DOCUMENT);

        // exactly as docs/backup-format.md says: file = AES-GCM ciphertext of gzip(document), same length, no tag
        assertThat(encoded.file()).hasSize(gzip.length);
        assertThat(encoded.iv()).hasSize(12);
        assertThat(encoded.tag()).hasSize(16);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, encoded.iv()));
        cipher.update(encoded.file());
        byte[] compressed = cipher.doFinal(encoded.tag());
        assertThat(new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes()).isEqualTo(DOCUMENT);
        assertThat(encoded.fileSha256()).isEqualTo(BackupDocument.sha256Hex(encoded.file()));
        assertThat(encoded.plaintextSha256()).isEqualTo(BackupDocument.sha256Hex(DOCUMENT));
    }

    @Test
    void anUnencryptedBackupIsPlainGzip() throws Exception {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, null);

        assertThat(new GZIPInputStream(new ByteArrayInputStream(encoded.file())).readAllBytes()).isEqualTo(DOCUMENT);
        BackupMetadata meta = BackupMetadata.parse(metadata(encoded, null).toJson());
        assertThat(meta.encrypted()).isFalse();
        assertThat(BackupCodec.decode(encoded.file(), meta, null, 1 << 20).plaintext()).isEqualTo(DOCUMENT);
    }

    @Test
    void compressionIsDeterministicAndEachEncryptionUsesAFreshIv() {
        assertThat(BackupCodec.gzip(DOCUMENT)).isEqualTo(BackupCodec.gzip(DOCUMENT));
        BackupCodec.Encoded first = BackupCodec.encode(DOCUMENT, KEY);
        BackupCodec.Encoded second = BackupCodec.encode(DOCUMENT, KEY);
        assertThat(first.plaintextSha256()).isEqualTo(second.plaintextSha256());
        assertThat(first.iv()).isNotEqualTo(second.iv());
        assertThat(first.file()).isNotEqualTo(second.file());
    }

    @Test
    void aFlippedByteInTheFileIsDetected() {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        BackupMetadata meta = metadata(encoded, PROFILE);
        byte[] file = encoded.file().clone();
        file[file.length / 2] ^= 0x01;

        assertCode(() -> BackupCodec.decode(file, meta, KEY, 1 << 20), ErrorCode.CORRUPT_BACKUP);
    }

    @Test
    void aFlippedByteAlsoFailsAuthenticationWhenTheChecksumWasForgedToo() {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        byte[] file = encoded.file().clone();
        file[0] ^= 0x01;
        // an attacker who rewrites fileSha256 still cannot get past the GCM tag
        BackupMetadata forged = withFileSha(metadata(encoded, PROFILE), BackupDocument.sha256Hex(file));

        assertCode(() -> BackupCodec.decode(file, forged, KEY, 1 << 20), ErrorCode.WRONG_KEY);
    }

    @Test
    void anAlteredIvOrTagIsDetected() {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        BackupMetadata meta = metadata(encoded, PROFILE);
        BackupMetadata.Encryption enc = meta.encryption();

        BackupMetadata badIv = withEncryption(meta, new BackupMetadata.Encryption(true, PROFILE, enc.algorithm(),
                flipHex(enc.iv()), enc.authTag()));
        BackupMetadata badTag = withEncryption(meta, new BackupMetadata.Encryption(true, PROFILE, enc.algorithm(),
                enc.iv(), flipHex(enc.authTag())));
        BackupMetadata shortTag = withEncryption(meta, new BackupMetadata.Encryption(true, PROFILE, enc.algorithm(),
                enc.iv(), enc.authTag().substring(2)));

        assertCode(() -> BackupCodec.decode(encoded.file(), badIv, KEY, 1 << 20), ErrorCode.WRONG_KEY);
        assertCode(() -> BackupCodec.decode(encoded.file(), badTag, KEY, 1 << 20), ErrorCode.WRONG_KEY);
        assertCode(() -> BackupCodec.decode(encoded.file(), shortTag, KEY, 1 << 20), ErrorCode.CORRUPT_BACKUP);
    }

    @Test
    void aWrongKeyIsRefusedAndAMissingKeyIsAskedFor() {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        BackupMetadata meta = metadata(encoded, PROFILE);
        byte[] otherKey = HexKey.parse(HexKey.generate()).orElseThrow();

        assertCode(() -> BackupCodec.decode(encoded.file(), meta, otherKey, 1 << 20), ErrorCode.WRONG_KEY);
        assertCode(() -> BackupCodec.decode(encoded.file(), meta, null, 1 << 20), ErrorCode.KEY_REQUIRED);
    }

    @Test
    void decompressionIsBounded() {
        byte[] bomb = new byte[4 << 20];
        BackupCodec.Encoded encoded = BackupCodec.encode(bomb, KEY);
        assertThat(encoded.file().length).isLessThan(64 * 1024);
        BackupMetadata meta = metadata(encoded, PROFILE);

        assertThatThrownBy(() -> BackupCodec.decode(encoded.file(), meta, KEY, 1 << 20))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                    assertThat(e.getMessage()).contains("maximum");
                });
        assertThat(BackupCodec.gunzip(BackupCodec.gzip(bomb), bomb.length)).hasSize(bomb.length);
    }

    @Test
    void aDocumentThatDoesNotMatchItsPlaintextChecksumOrVersionIsRefused() {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, KEY);
        BackupMetadata meta = metadata(encoded, PROFILE);
        BackupMetadata wrongPlaintext = new BackupMetadata(meta.formatVersion(), meta.exportedAt(), meta.timestamp(),
                meta.snapshotVersion(), meta.position(), meta.entityCounts(), meta.includesSecrets(),
                meta.compression(), meta.encryption(), meta.fileSha256(), "00".repeat(32), null);
        assertCode(() -> BackupCodec.decode(encoded.file(), wrongPlaintext, KEY, 1 << 20), ErrorCode.CORRUPT_BACKUP);

        byte[] future = "{\"version\":\"2.0\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        BackupCodec.Encoded v2 = BackupCodec.encode(future, KEY);
        assertCode(() -> BackupCodec.decode(v2.file(), metadata(v2, PROFILE), KEY, 1 << 20),
                ErrorCode.UNSUPPORTED_VERSION);
    }

    private static BackupMetadata metadata(BackupCodec.Encoded encoded, UUID profile) {
        return new BackupMetadata(BackupDocument.FORMAT_VERSION, Instant.parse("2024-01-15T12:00:05Z"),
                Instant.parse("2024-01-15T12:00:00Z"), 3L, 7, Map.of("groups", 1), false,
                BackupMetadata.COMPRESSION_GZIP, encoded.encryption(profile), encoded.fileSha256(),
                encoded.plaintextSha256(), null);
    }

    private static BackupMetadata withFileSha(BackupMetadata m, String sha) {
        return new BackupMetadata(m.formatVersion(), m.exportedAt(), m.timestamp(), m.snapshotVersion(), m.position(),
                m.entityCounts(), m.includesSecrets(), m.compression(), m.encryption(), sha, m.plaintextSha256(), null);
    }

    private static BackupMetadata withEncryption(BackupMetadata m, BackupMetadata.Encryption e) {
        return new BackupMetadata(m.formatVersion(), m.exportedAt(), m.timestamp(), m.snapshotVersion(), m.position(),
                m.entityCounts(), m.includesSecrets(), m.compression(), e, m.fileSha256(), m.plaintextSha256(), null);
    }

    private static String flipHex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        bytes[0] ^= 0x01;
        return HexFormat.of().formatHex(bytes);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
