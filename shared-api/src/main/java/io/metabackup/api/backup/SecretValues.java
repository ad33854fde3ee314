package io.metabackup.api.backup;

import io.metabackup.api.config.SealedSecret;

import java.util.Optional;
import java.util.UUID;

/** What a backup document shows of each secret: its plaintext, or (when empty) the placeholder. */
@FunctionalInterface
public interface SecretValues {

    /** Every secret becomes the placeholder: the only choice for a document that will not be encrypted. */
    SecretValues OMITTED = (entityId, name, sealed) -> Optional.empty();

    Optional<String> plaintext(UUID entityId, String name, SealedSecret sealed);
}
