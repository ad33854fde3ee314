package io.metabackup.secrets;

import io.metabackup.command.secrets.KeyEncryptionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class EncryptionKeySourceTest {

    private static final String KEY = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    @Test
    void theVariableWinsOverTheFileAndTheGeneratedKey() throws Exception {
        Path file = dir.resolve("key.txt");
        Files.writeString(file, "ab".repeat(32));
        KeyEncryptionKey fromVariable = new EncryptionKeySource(KEY, file.toString(), dir.resolve("gen")).load();
        assertThat(fromVariable).isEqualTo(new EncryptionKeySource(KEY.toUpperCase(), null, dir.resolve("g")).load());
        assertThat(new EncryptionKeySource(null, file.toString(), dir.resolve("gen")).load())
                .isNotEqualTo(fromVariable);
    }

    @Test
    void aMissingKeyIsGeneratedOnceIntoTheDataDirectoryWithALoudWarning(CapturedOutput output) throws Exception {
        Path generated = dir.resolve("data").resolve("encryption.key");
        KeyEncryptionKey first = new EncryptionKeySource(null, null, generated).load();

        assertThat(generated).exists();
        assertThat(Files.getPosixFilePermissions(generated)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output.getAll()).contains("BACK UP THIS FILE NOW", generated.toAbsolutePath().toString());
        assertThat(output.getAll()).doesNotContain(Files.readString(generated).trim());
        assertThat(new EncryptionKeySource(null, null, generated).load()).isEqualTo(first);
    }

    @Test
    void aMalformedKeyStopsStartUpWithoutShowingIt() {
        assertThatThrownBy(() -> new EncryptionKeySource("abc123", null, dir.resolve("g")).load())
                .isInstanceOf(InvalidEncryptionKeyException.class)
                .hasMessageContaining("64 hexadecimal characters").hasMessageContaining("it has 6 characters")
                .hasMessageNotContaining("abc123");
        assertThatThrownBy(() -> new EncryptionKeySource("zz".repeat(32), null, dir.resolve("g")).load())
                .hasMessageContaining("not all hexadecimal");
        assertThatThrownBy(() -> new EncryptionKeySource(null, dir.resolve("missing").toString(), dir.resolve("g"))
                .load()).hasMessageContaining("does not exist");
        assertThat(dir.resolve("g")).doesNotExist();
    }
}
