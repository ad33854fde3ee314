package io.metabackup.command.config;

import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.FieldError;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rules of an encryption profile's key: 64 hex characters, generated when not given, and fixed for the profile's
 * life once set, because every backup encrypted with it would otherwise become unreadable. (A profile restored from
 * a backup without secrets has no key until its key is imported.)
 */
final class ProfileKeys {

    private static final String KEY = EncryptionProfileState.KEY_SECRET;

    private ProfileKeys() {
    }

    static Map<String, SecretValue> withGeneratedKey(EntityType type, Map<String, SecretValue> secrets) {
        if (type != EntityType.ENCRYPTION_PROFILE) {
            return secrets;
        }
        Map<String, SecretValue> result = new HashMap<>(secrets);
        result.computeIfAbsent(KEY, k -> new SecretValue(HexKey.generate()));
        requireHex(result.get(KEY));
        return result;
    }

    static void checkUnchanged(EntityType type, Map<String, SealedSecret> before, Map<String, SealedSecret> after) {
        boolean hadKey = before.containsKey(KEY);
        if (type == EntityType.ENCRYPTION_PROFILE && hadKey && !Objects.equals(before.get(KEY), after.get(KEY))) {
            throw invalidKey("cannot be changed or removed: backups made with it would become unreadable; "
                    + "create a new profile instead");
        }
    }

    private static DomainException invalidKey(String message) {
        FieldError error = new FieldError("secrets." + KEY, message);
        return new DomainException(ErrorCode.VALIDATION_FAILED, "The encryption profile is not valid: "
                + error.field() + " " + message, Map.of("errors", List.of(error)));
    }

    /** A key given in a write must be well-formed whether the profile is new, restored or gets its first key. */
    static void checkGiven(EntityType type, Map<String, SecretValue> secrets) {
        if (type == EntityType.ENCRYPTION_PROFILE && secrets.containsKey(KEY)) {
            requireHex(secrets.get(KEY));
        }
    }

    private static void requireHex(SecretValue key) {
        if (!HexKey.isValid(key.reveal())) {
            throw invalidKey("must be 64 hexadecimal characters (a 256-bit key)");
        }
    }
}
