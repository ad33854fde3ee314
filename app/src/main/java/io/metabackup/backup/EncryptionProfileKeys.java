package io.metabackup.backup;

import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The 32-byte key of an encryption profile, opened only in memory for the moment a backup is encrypted. */
@Component
public class EncryptionProfileKeys {

    private static final String KEY = EncryptionProfileState.KEY_SECRET;

    private final CurrentConfiguration configuration;
    private final SecretSealer sealer;

    public EncryptionProfileKeys(CurrentConfiguration configuration, SecretSealer sealer) {
        this.configuration = configuration;
        this.sealer = sealer;
    }

    public byte[] keyOf(UUID profileId) {
        EntityRecord profile = configuration.find(EntityType.ENCRYPTION_PROFILE, profileId).orElseThrow(() ->
                new DomainException(ErrorCode.NOT_FOUND, "No encryption profile with id " + profileId));
        SealedSecret sealed = profile.secrets().get(KEY);
        if (sealed == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Encryption profile " + profileId + " has no key");
        }
        return HexKey.parse(sealer.open(profileId, KEY, sealed).reveal()).orElseThrow(() ->
                new DomainException(ErrorCode.VALIDATION_FAILED, "The key of encryption profile " + profileId
                        + " is not 64 hex characters"));
    }
}
