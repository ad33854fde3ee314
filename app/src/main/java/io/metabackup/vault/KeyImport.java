package io.metabackup.vault;

import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EncryptionProfileState;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.crypto.HexKey;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Brings a known key into the vault: a new profile, or the missing key of a profile that a backup without secrets
 * restored. A profile that already holds a different key keeps it: changing it would orphan its backups.
 */
@Component
class KeyImport {

    private final CommandGateway commands;
    private final CurrentConfiguration configuration;
    private final ProfileKeys keys;

    KeyImport(CommandGateway commands, CurrentConfiguration configuration, ProfileKeys keys) {
        this.commands = commands;
        this.configuration = configuration;
        this.keys = keys;
    }

    Result importKey(Request request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "name is required");
        }
        if (!HexKey.isValid(request.key())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "key must be 64 hexadecimal characters (32 bytes)");
        }
        SecretValue key = new SecretValue(request.key().toLowerCase());
        Optional<EntityRecord> existing = configuration.list(EntityType.ENCRYPTION_PROFILE).stream()
                .filter(p -> p.state().naturalKey().equalsIgnoreCase(request.name())).findFirst();
        if (existing.isEmpty()) {
            UUID id = request.id() != null ? request.id() : UUID.randomUUID();
            commands.sendAndWait(new CreateConfigEntityCommand(id,
                    new EncryptionProfileState(request.name(), request.description()),
                    Map.of(EncryptionProfileState.KEY_SECRET, key)));
            return new Result(true, keys.profile(id));
        }
        EntityRecord profile = existing.get();
        if (profile.secrets().containsKey(EncryptionProfileState.KEY_SECRET)) {
            if (!keys.key(profile).equalsIgnoreCase(request.key())) {
                throw new DomainException(ErrorCode.ALREADY_EXISTS, "The encryption profile \"" + request.name()
                        + "\" exists with a different key; import the key under another name");
            }
            return new Result(false, profile);
        }
        commands.sendAndWait(new UpdateConfigEntityCommand(profile.id(), profile.version(), profile.state(),
                Map.of(EncryptionProfileState.KEY_SECRET, key), Set.of()));
        return new Result(false, keys.profile(profile.id()));
    }

    /** The key is a plain string only until it is sealed; it never appears in {@link #toString()}. */
    record Request(UUID id, String name, String description, String key) {
        @Override
        public String toString() {
            return "KeyImport.Request[id=" + id + ", name=" + name + "]";
        }
    }

    record Result(boolean created, EntityRecord profile) {
    }
}
