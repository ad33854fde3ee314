package io.metabackup.command.secrets;

import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.crypto.AesGcm;
import io.metabackup.api.crypto.Hmac;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Seals secret values with the owning entity's data key. The fingerprint is an HMAC under a key derived from the
 * same data key, so two values of one entity's secret can be compared without either being stored in the clear.
 */
@Component
public class SecretSealer {

    private final DataKeys dataKeys;

    public SecretSealer(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    public SealedSecret seal(UUID entityId, String name, SecretValue value) {
        byte[] dataKey = dataKeys.dataKeyFor(entityId);
        byte[] sealed = AesGcm.seal(dataKey, value.reveal().getBytes(StandardCharsets.UTF_8),
                associatedData(entityId, name));
        return new SealedSecret(Base64.getEncoder().encodeToString(sealed), fingerprint(dataKey, name, value));
    }

    public String fingerprint(UUID entityId, String name, SecretValue value) {
        return fingerprint(dataKeys.dataKeyFor(entityId), name, value);
    }

    public SecretValue open(UUID entityId, String name, SealedSecret secret) {
        byte[] plaintext = AesGcm.open(dataKeys.dataKeyFor(entityId), Base64.getDecoder().decode(secret.ciphertext()),
                associatedData(entityId, name));
        return new SecretValue(new String(plaintext, StandardCharsets.UTF_8));
    }

    private static String fingerprint(byte[] dataKey, String name, SecretValue value) {
        byte[] fingerprintKey = Hmac.sha256(dataKey, "metabackup/fingerprint".getBytes(StandardCharsets.UTF_8));
        return Hmac.sha256Hex(fingerprintKey, name + "\u0000" + value.reveal());
    }

    private static byte[] associatedData(UUID entityId, String name) {
        return ("metabackup/secret/" + entityId + "/" + name).getBytes(StandardCharsets.UTF_8);
    }
}
