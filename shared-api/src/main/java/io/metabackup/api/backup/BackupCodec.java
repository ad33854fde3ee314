package io.metabackup.api.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.crypto.AesGcm;
import io.metabackup.api.crypto.RandomBytes;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The system backup file, byte for byte (docs/backup-format.md): canonical JSON, gzip, then AES-256-GCM with the
 * profile key used directly, a fresh 12-byte IV and the 16-byte tag kept out of the file (it goes to the
 * metadata), so the file is exactly as long as the compressed document. The JDK's GCM is hardware accelerated.
 * Reading checks everything it can before trusting anything, and bounds decompression because backup files may
 * come from anywhere.
 */
public final class BackupCodec {

    /** Large enough for any real configuration, small enough that a gzip bomb cannot exhaust memory. */
    public static final long DEFAULT_MAX_PLAINTEXT_BYTES = 512L * 1024 * 1024;

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BackupCodec() {
    }

    /**
     * Compresses and (with a key) encrypts a document.
     *
     * @param key the 32-byte profile key, or null for an unencrypted backup
     */
    public static Encoded encode(byte[] plaintext, byte[] key) {
        byte[] compressed = gzip(plaintext);
        if (key == null) {
            return new Encoded(compressed, null, null, sha256(plaintext), sha256(compressed));
        }
        byte[] iv = RandomBytes.of(AesGcm.IV_BYTES);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, iv, compressed);
        byte[] file = Arrays.copyOf(sealed, sealed.length - AesGcm.TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(sealed, sealed.length - AesGcm.TAG_BYTES, sealed.length);
        return new Encoded(file, iv, tag, sha256(plaintext), sha256(file));
    }

    /**
     * Verifies and opens a backup file: file SHA-256, then authenticated decryption, then bounded decompression,
     * then plaintext SHA-256 and document version. Each failure is a {@link DomainException} whose code says what
     * is wrong ({@code KEY_REQUIRED}, {@code WRONG_KEY}, {@code CORRUPT_BACKUP}, {@code UNSUPPORTED_VERSION}).
     *
     * @param key the 32-byte profile key; ignored (may be null) for an unencrypted backup
     */
    public static Verified decode(byte[] file, BackupMetadata metadata, byte[] key, long maxPlaintextBytes) {
        if (metadata.encrypted() && key == null) {
            throw new DomainException(ErrorCode.KEY_REQUIRED, "The backup is encrypted"
                    + (metadata.encryption().profileId() == null ? ""
                    : " with encryption profile " + metadata.encryption().profileId()) + "; its key is required");
        }
        if (!sha256(file).equalsIgnoreCase(metadata.fileSha256())) {
            throw corrupt("The backup file does not match the SHA-256 in its metadata: it was altered or truncated, "
                    + "or the metadata belongs to another backup");
        }
        if (!BackupMetadata.COMPRESSION_GZIP.equals(metadata.compression())) {
            throw new DomainException(ErrorCode.UNSUPPORTED_VERSION,
                    "Unsupported compression \"" + metadata.compression() + "\"; this build reads GZIP");
        }
        byte[] compressed = metadata.encrypted() ? decrypt(file, metadata.encryption(), key) : file;
        byte[] plaintext = gunzip(compressed, maxPlaintextBytes);
        if (!sha256(plaintext).equalsIgnoreCase(metadata.plaintextSha256())) {
            throw corrupt("The decrypted document does not match the plaintext SHA-256 in the metadata");
        }
        JsonNode document;
        try {
            document = MAPPER.readTree(plaintext);
        } catch (IOException e) {
            throw corrupt("The decrypted document is not valid JSON");
        }
        String version = document.path("version").asText(null);
        if (!BackupDocument.isSupportedVersion(version)) {
            throw new DomainException(ErrorCode.UNSUPPORTED_VERSION, "The backup document has version " + version
                    + "; this build reads " + BackupDocument.FORMAT_VERSION + " (and other 1.x versions)");
        }
        return new Verified(plaintext, document, metadata);
    }

    private static byte[] decrypt(byte[] file, BackupMetadata.Encryption encryption, byte[] key) {
        if (!BackupMetadata.Encryption.AES_256_GCM.equalsIgnoreCase(encryption.algorithm())) {
            throw new DomainException(ErrorCode.UNSUPPORTED_VERSION,
                    "Unsupported encryption algorithm \"" + encryption.algorithm() + "\"; this build reads aes-256-gcm");
        }
        if (key.length != AesGcm.KEY_BYTES) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The key must be 32 bytes (64 hex characters)");
        }
        byte[] iv = hex(encryption.iv(), AesGcm.IV_BYTES, "iv");
        byte[] tag = hex(encryption.authTag(), AesGcm.TAG_BYTES, "authTag");
        byte[] sealed = Arrays.copyOf(file, file.length + tag.length);
        System.arraycopy(tag, 0, sealed, file.length, tag.length);
        return cipher(Cipher.DECRYPT_MODE, key, iv, sealed);
    }

    private static byte[] cipher(int mode, byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(AesGcm.TAG_BYTES * 8, iv));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new DomainException(ErrorCode.WRONG_KEY, "Decryption failed: the key is not the one this backup was "
                    + "encrypted with, or the IV or tag in its metadata were altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** gzip as the JDK writes it: no file name, modification time 0, so equal input gives equal output. */
    public static byte[] gzip(byte[] plaintext) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, plaintext.length / 4));
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            out.write(plaintext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decompresses at most {@code maxBytes}; more is refused instead of filling the memory. */
    public static byte[] gunzip(byte[] compressed, long maxBytes) {
        int initial = (int) Math.min(Math.min((long) compressed.length * 4, maxBytes), 64L * 1024 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, initial));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), buffer.length)) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > maxBytes) {
                    throw new DomainException(ErrorCode.TOO_LARGE, "The backup decompresses to more than "
                            + maxBytes + " bytes, the configured maximum; it is refused",
                            java.util.Map.of("maxBytes", maxBytes));
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw corrupt("The backup is not valid gzip data");
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        return BackupDocument.sha256Hex(bytes);
    }

    private static byte[] hex(String text, int length, String field) {
        try {
            byte[] bytes = HEX.parseHex(text);
            if (bytes.length == length) {
                return bytes;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // reported below
        }
        throw corrupt("encryption." + field + " in the metadata must be " + length + " bytes as hex");
    }

    private static DomainException corrupt(String message) {
        return new DomainException(ErrorCode.CORRUPT_BACKUP, message);
    }

    /**
     * An encoded backup.
     *
     * @param file the bytes to store (ciphertext without tag, or gzip when unencrypted)
     * @param iv   the GCM nonce, null when unencrypted
     * @param tag  the GCM tag, null when unencrypted
     */
    public record Encoded(byte[] file, byte[] iv, byte[] tag, String plaintextSha256, String fileSha256) {

        public BackupMetadata.Encryption encryption(java.util.UUID profileId) {
            return iv == null ? BackupMetadata.Encryption.none()
                    : new BackupMetadata.Encryption(true, profileId, BackupMetadata.Encryption.AES_256_GCM,
                    HEX.formatHex(iv), HEX.formatHex(tag));
        }
    }

    /** A backup whose every check passed. */
    public record Verified(byte[] plaintext, JsonNode document, BackupMetadata metadata) {
    }
}
