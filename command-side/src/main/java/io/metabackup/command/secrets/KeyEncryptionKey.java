package io.metabackup.command.secrets;

import io.metabackup.api.crypto.AesGcm;
import io.metabackup.api.crypto.Hmac;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The instance's {@code ENCRYPTION_KEY}: it wraps every entity's data key and nothing else. Its {@link #id()} is a
 * one-way fingerprint stored beside each wrapped key, so a start with a different key is recognised at once.
 */
public final class KeyEncryptionKey {

    private final byte[] key;
    private final String id;

    public KeyEncryptionKey(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("ENCRYPTION_KEY must be 32 bytes");
        }
        this.key = key.clone();
        this.id = Hmac.sha256Hex(key, "metabackup/key-encryption-key-id").substring(0, 16);
    }

    public String id() {
        return id;
    }

    byte[] wrap(byte[] dataKey, String context) {
        return AesGcm.seal(key, dataKey, context.getBytes(StandardCharsets.UTF_8));
    }

    byte[] unwrap(byte[] wrapped, String context) {
        return AesGcm.open(key, wrapped, context.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyEncryptionKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[id=" + id + "]";
    }
}
