package io.metabackup.api.config;

import java.util.List;

/** A named AES-256 key (held as the secret {@code key}) that backups are encrypted with. */
public record EncryptionProfileState(String name, String description) implements EntityState {

    public static final String KEY_SECRET = "key";

    @Override
    public EntityType type() {
        return EntityType.ENCRYPTION_PROFILE;
    }

    @Override
    public String naturalKey() {
        return name;
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public List<FieldError> validate() {
        return new Validation().name("name", name).errors();
    }
}
