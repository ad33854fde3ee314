package io.metabackup.config;

import io.metabackup.MetabackupProperties;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A user's {@code password} arrives in plaintext and is stored only as an Argon2id hash (itself sealed like any
 * secret). Hashing happens at the edge, so a restore, which carries hashes, never hashes twice.
 */
@Component
public class UserPasswords {

    static final String PASSWORD = "password";

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final int minLength;
    private final String dummyHash = encoder.encode(UUID.randomUUID().toString());

    public UserPasswords(MetabackupProperties properties) {
        this.minLength = properties.passwords().minLength();
    }

    /** The secrets with a plaintext user password replaced by its hash. */
    public Map<String, SecretValue> hashed(EntityType type, Map<String, SecretValue> secrets) {
        SecretValue password = secrets.get(PASSWORD);
        if (type != EntityType.USER || password == null) {
            return secrets;
        }
        Map<String, SecretValue> result = new HashMap<>(secrets);
        result.put(PASSWORD, hash(password));
        return result;
    }

    public SecretValue hash(SecretValue password) {
        if (password.reveal().codePointCount(0, password.reveal().length()) < minLength) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "The password must have at least " + minLength + " characters");
        }
        return new SecretValue(encoder.encode(password.reveal()));
    }

    public boolean matches(SecretValue password, SecretValue hash) {
        return encoder.matches(password.reveal(), hash.reveal());
    }

    /**
     * Costs what {@link #matches} costs and always fails: used when there is no hash to check against (unknown user,
     * locked account), so that the time of an answer does not tell whether an account exists.
     */
    public boolean matchesNothing(SecretValue password) {
        encoder.matches(password.reveal(), dummyHash);
        return false;
    }
}
