package io.metabackup.backup;

import io.metabackup.api.backup.SecretValues;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.command.secrets.SecretSealer;

import java.util.Optional;
import java.util.UUID;

/** Secrets in plaintext, for a backup that includes them (and is therefore encrypted). */
record OpenedSecrets(SecretSealer sealer) implements SecretValues {

    @Override
    public Optional<String> plaintext(UUID entityId, String name, SealedSecret sealed) {
        return Optional.of(sealer.open(entityId, name, sealed).reveal());
    }
}
