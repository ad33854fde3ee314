package io.metabackup.api.config;

/**
 * A secret as events and read models hold it.
 *
 * @param ciphertext  base64 of IV, ciphertext and tag, sealed with the entity's own data key
 * @param fingerprint keyed hash of the value, so that history can tell "changed" without holding the value
 */
public record SealedSecret(String ciphertext, String fingerprint) {
}
