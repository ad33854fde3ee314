package io.metabackup.offline;

import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.crypto.HexKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline command, called in-process exactly as {@code main} calls it, on files and nothing else. */
class DecryptCommandTest {

    private static final String DOCUMENT = "{\"data\":{\"adapters\":[],\"groups\":[{\"id\":\"g\"}],\"settings\":{}},"
            + "\"position\":12,\"timestamp\":\"2024-01-15T12:00:00Z\",\"version\":\"1.0\"}";

    @TempDir
    Path dir;
    private final String key = HexKey.generate();
    private Path file;
    private Path meta;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeBackup() throws Exception {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT.getBytes(StandardCharsets.UTF_8),
                HexFormat.of().parseHex(key));
        BackupFileName name = BackupFileName.of(Instant.parse("2024-01-15T12:00:05Z"), true);
        file = Files.write(dir.resolve(name.name()), encoded.file());
        meta = Files.write(dir.resolve(name.metaName()), new BackupMetadata("1.0", Instant.parse("2024-01-15T12:00:05Z"),
                Instant.parse("2024-01-15T12:00:00Z"), 9L, 12, Map.of("groups", 1), true, "GZIP",
                encoded.encryption(UUID.randomUUID()), encoded.fileSha256(), encoded.plaintextSha256(), null).toJson());
    }

    @Test
    void aGoodBackupIsVerifiedSummarizedAndWritten() throws Exception {
        Path plaintext = dir.resolve("plain.json");

        int exit = run(Map.of(), "--key", key, file.toString(), "--out", plaintext.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(plaintext)).isEqualTo(DOCUMENT);
        assertThat(out.toString()).contains("Backup verified").contains("2024-01-15T12:00:00Z")
                .contains("stream position  12").contains("groups 1").contains("includes secrets true");
    }

    @Test
    void theKeyMayComeFromAFileOrTheEnvironmentAndTheDocumentGoToStandardOutput() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), key + "\n");
        assertThat(run(Map.of(), "--key-file", keyFile.toString(), "--meta", meta.toString(), file.toString()))
                .isZero();
        out.reset();
        assertThat(run(Map.of(DecryptCommand.KEY_VARIABLE, key), file.toString(), "--out", "-")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
        assertThat(err.toString()).contains("Backup verified");
    }

    @Test
    void aFlippedByteIsReportedAsCorrupt() throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x40;
        Files.write(file, bytes);

        assertThat(run(Map.of(), "--key", key, file.toString())).isEqualTo(DecryptCommand.CORRUPT);
        assertThat(err.toString()).contains("CORRUPT_BACKUP").contains("SHA-256");
    }

    @Test
    void aWrongKeyOrAnAlteredTagIsReportedAsWrongKey() throws Exception {
        assertThat(run(Map.of(), "--key", HexKey.generate(), file.toString())).isEqualTo(DecryptCommand.WRONG_KEY);
        assertThat(err.toString()).contains("WRONG_KEY");

        String json = Files.readString(meta);
        String tag = json.replaceAll("(?s).*\"authTag\" : \"([0-9a-f]+)\".*", "$1");
        Files.writeString(meta, json.replace(tag, (tag.charAt(0) == '0' ? "1" : "0") + tag.substring(1)));
        assertThat(run(Map.of(), "--key", key, file.toString())).isEqualTo(DecryptCommand.WRONG_KEY);
    }

    @Test
    void missingMetadataMissingKeyAndBadArgumentsAreExplained() throws Exception {
        Files.move(meta, dir.resolve("elsewhere.json"));
        assertThat(run(Map.of(), "--key", key, file.toString())).isEqualTo(DecryptCommand.META_MISSING);
        assertThat(err.toString()).contains("META_MISSING").contains("--meta");

        assertThat(run(Map.of(), "--meta", dir.resolve("elsewhere.json").toString(), file.toString()))
                .isEqualTo(DecryptCommand.USAGE);
        assertThat(err.toString()).contains("KEY_REQUIRED");
        assertThat(run(Map.of(), "--key", "abc", "--meta", dir.resolve("elsewhere.json").toString(),
                file.toString())).isEqualTo(DecryptCommand.USAGE);
        assertThat(run(Map.of(), "--key")).isEqualTo(DecryptCommand.USAGE);
        assertThat(run(Map.of())).isEqualTo(DecryptCommand.USAGE);
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("Usage");
    }

    @Test
    void anOversizeDocumentAndAnUnknownVersionAreRefused() throws Exception {
        assertThat(run(Map.of(), "--key", key, "--max-size", "10", file.toString())).isEqualTo(DecryptCommand.CORRUPT);
        assertThat(err.toString()).contains("maximum");

        Files.writeString(meta, Files.readString(meta).replace("\"formatVersion\" : \"1.0\"",
                "\"formatVersion\" : \"2.0\""));
        assertThat(run(Map.of(), "--key", key, file.toString())).isEqualTo(DecryptCommand.UNSUPPORTED);
    }

    private int run(Map<String, String> env, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        return DecryptCommand.run(arguments, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
