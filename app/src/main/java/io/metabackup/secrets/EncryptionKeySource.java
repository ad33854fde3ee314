package io.metabackup.secrets;

import io.metabackup.api.crypto.HexKey;
import io.metabackup.command.secrets.KeyEncryptionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Finds the key-encryption key: {@code ENCRYPTION_KEY}, else the file named by {@code ENCRYPTION_KEY_FILE}, else
 * a key generated once into the data directory. A key that is present but malformed stops start-up: guessing would
 * make every stored secret unreadable.
 */
final class EncryptionKeySource {

    static final String KEY_VARIABLE = "ENCRYPTION_KEY";
    static final String FILE_VARIABLE = "ENCRYPTION_KEY_FILE";
    static final String GENERATED_FILE_NAME = "encryption.key";
    private static final Logger log = LoggerFactory.getLogger(EncryptionKeySource.class);

    private final String key;
    private final String keyFile;
    private final Path generatedFile;

    EncryptionKeySource(String key, String keyFile, Path generatedFile) {
        this.key = key;
        this.keyFile = keyFile;
        this.generatedFile = generatedFile;
    }

    KeyEncryptionKey load() {
        if (StringUtils.hasText(key)) {
            return parse(key, KEY_VARIABLE);
        }
        if (StringUtils.hasText(keyFile)) {
            Path file = Path.of(keyFile);
            if (!Files.isReadable(file)) {
                throw new InvalidEncryptionKeyException(FILE_VARIABLE + " names " + file.toAbsolutePath()
                        + ", which does not exist or cannot be read");
            }
            return parse(read(file), "the file " + file.toAbsolutePath() + " (" + FILE_VARIABLE + ")");
        }
        if (Files.exists(generatedFile)) {
            return parse(read(generatedFile), "the file " + generatedFile.toAbsolutePath());
        }
        return generate();
    }

    private KeyEncryptionKey generate() {
        String generated = HexKey.generate();
        try {
            Files.createDirectories(generatedFile.toAbsolutePath().getParent());
            Files.writeString(generatedFile, generated + "\n", StandardCharsets.US_ASCII);
            restrictToOwner(generatedFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a new encryption key to " + generatedFile, e);
        }
        log.warn("""

                ************************************************************************************
                No ENCRYPTION_KEY was given, so a new one was generated and written to
                    {}
                Every secret Metabackup stores is protected by this key. BACK UP THIS FILE NOW and
                keep the copy apart from the database: without it the stored secrets are lost.
                For production, set ENCRYPTION_KEY or ENCRYPTION_KEY_FILE instead.
                ************************************************************************************""",
                generatedFile.toAbsolutePath());
        return parse(generated, "the generated key");
    }

    static KeyEncryptionKey parse(String text, String origin) {
        String trimmed = text.trim();
        return HexKey.parse(trimmed).map(KeyEncryptionKey::new).orElseThrow(() ->
                new InvalidEncryptionKeyException("The encryption key from " + origin + " must be exactly 64 "
                        + "hexadecimal characters (32 bytes); it has " + trimmed.length() + " characters"
                        + (trimmed.length() == 64 ? " that are not all hexadecimal" : "")));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the encryption key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            log.debug("File system without POSIX permissions; {} keeps its default permissions", file);
        }
    }
}
