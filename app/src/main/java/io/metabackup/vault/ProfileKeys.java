package io.metabackup.vault;

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

/** Opens the keys of encryption profiles: the only place a profile key leaves its sealed form. */
@Component
public class ProfileKeys {

    private final CurrentConfiguration configuration;
    private final SecretSealer sealer;

    public ProfileKeys(CurrentConfiguration configuration, SecretSealer sealer) {
        this.configuration = configuration;
        this.sealer = sealer;
    }

    public EntityRecord profile(UUID id) {
        return configuration.find(EntityType.ENCRYPTION_PROFILE, id).orElseThrow(() ->
                new DomainException(ErrorCode.NOT_FOUND, "No encryption profile with id " + id));
    }

    /** The 32 key bytes of a profile, opened only in memory for the moment a backup is encrypted or decrypted. */
    public byte[] keyBytes(UUID profileId) {
        return HexKey.parse(key(profile(profileId))).orElseThrow(() -> new IllegalStateException(
                "the key of encryption profile " + profileId + " is not 64 hex characters"));
    }

    /** The profile's 64-hex key; refused when the profile has none (restored from a backup without secrets). */
    public String key(EntityRecord profile) {
        SealedSecret sealed = profile.secrets().get(EncryptionProfileState.KEY_SECRET);
        if (sealed == null) {
            throw new DomainException(ErrorCode.KEY_MISSING, "The encryption profile \"" + profile.state().naturalKey()
                    + "\" has no key; import it with POST /api/vault/profiles/import");
        }
        return sealer.open(profile.id(), EncryptionProfileState.KEY_SECRET, sealed).reveal();
    }
}
