package io.metabackup.docs;

import io.metabackup.api.backup.BackupCodec;
import io.metabackup.api.backup.BackupFileName;
import io.metabackup.api.backup.BackupMetadata;
import io.metabackup.api.crypto.HexKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/backup-format.md promises that a backup can be decrypted with standard tools; this runs the programs it
 * shows, exactly as written there, against a backup written by the codec, so the document cannot drift.
 */
class DocumentedDecryptExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "backup-format.md");
    private static final byte[] DOCUMENT = "{\"data\":{\"groups\":[{\"id\":\"g\",\"name\":\"Zürich ops\"}]},\"position\":5,\"timestamp\":\"2024-01-15T12:00:00Z\",\"version\":\"1.0\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final String key = HexKey.generate();
    private Path backup;

    @BeforeEach
    void writeBackup() throws IOException {
        BackupCodec.Encoded encoded = BackupCodec.encode(DOCUMENT, HexFormat.of().parseHex(key));
        BackupFileName name = BackupFileName.of(Instant.now(), true);
        backup = Files.write(dir.resolve(name.name()), encoded.file());
        Files.write(dir.resolve(name.metaName()), new BackupMetadata("1.0", Instant.now(), null, 1L, 5, Map.of(),
                false, "GZIP", encoded.encryption(UUID.randomUUID()), encoded.fileSha256(),
                encoded.plaintextSha256(), null).toJson());
    }

    @Test
    void theJdkProgramDecryptsAndRefusesAWrongKey() throws Exception {
        Path program = Files.writeString(dir.resolve("DecryptBackup.java"), example("java"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Result ok = run(java, program.toString(), key, backup.toString());
        Result wrong = run(java, program.toString(), HexKey.generate(), backup.toString());

        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo(DOCUMENT);
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.err()).contains("AEADBadTagException");
    }

    @Test
    void thePythonProgramDecryptsAndRefusesAWrongKey() throws Exception {
        Assumptions.assumeTrue(pythonWithCryptography(), "python3 with the cryptography package is not installed");
        Path program = Files.writeString(dir.resolve("decrypt_backup.py"), example("python"));

        Result ok = run("python3", program.toString(), key, backup.toString());
        Result wrong = run("python3", program.toString(), HexKey.generate(), backup.toString());

        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo(DOCUMENT);
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.err()).contains("InvalidTag");
    }

    private static String example(String language) throws IOException {
        Matcher block = Pattern.compile("<!-- decrypt-example:" + language + " -->\\s*```" + language
                + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(block.find()).as("the %s example in %s", language, DOC).isTrue();
        return block.group(1);
    }

    private static boolean pythonWithCryptography() {
        try {
            return run("python3", "-c", "import cryptography").exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    private record Result(int exit, byte[] out, String err) {
    }
}
