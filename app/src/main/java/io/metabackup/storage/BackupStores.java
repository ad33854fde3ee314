package io.metabackup.storage;

import io.metabackup.api.config.AdapterKind;
import io.metabackup.api.config.AdapterState;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.SealedSecret;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Opens the {@link BackupStore} of a STORAGE adapter by its {@code adapterType}:
 * {@code local} ({@code settings.path}) or {@code gcs} ({@code settings.bucket}, optional {@code settings.prefix}
 * and {@code settings.projectId}, secret {@code serviceAccountJson}).
 */
@Component
public class BackupStores {

    public static final String LOCAL = "local";
    public static final String GCS = "gcs";
    static final String SERVICE_ACCOUNT_JSON = "serviceAccountJson";

    private final CurrentConfiguration configuration;
    private final SecretSealer sealer;
    private final StorageClientFactory clients;

    public BackupStores(CurrentConfiguration configuration, SecretSealer sealer, StorageClientFactory clients) {
        this.configuration = configuration;
        this.sealer = sealer;
        this.clients = clients;
    }

    public BackupStore forDestination(UUID destinationId) {
        EntityRecord adapter = configuration.find(EntityType.ADAPTER, destinationId).orElseThrow(() ->
                new DomainException(ErrorCode.NOT_FOUND, "No storage destination with id " + destinationId));
        AdapterState state = (AdapterState) adapter.state();
        if (state.kind() != AdapterKind.STORAGE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Adapter " + state.name() + " is a " + state.kind()
                    + " adapter, not a storage destination");
        }
        return switch (state.adapterType()) {
            case LOCAL -> new LocalBackupStore(Path.of(required(state, "path")));
            case GCS -> new GcsBackupStore(clients.create(optional(state, "projectId"), serviceAccountJson(adapter)),
                    required(state, "bucket"), optional(state, "prefix"));
            default -> throw new DomainException(ErrorCode.VALIDATION_FAILED, "Storage destination " + state.name()
                    + " has type \"" + state.adapterType() + "\"; system backups can be written to \"local\" and \"gcs\"");
        };
    }

    private String serviceAccountJson(EntityRecord adapter) {
        SealedSecret sealed = adapter.secrets().get(SERVICE_ACCOUNT_JSON);
        return sealed == null ? null : sealer.open(adapter.id(), SERVICE_ACCOUNT_JSON, sealed).reveal();
    }

    private static String required(AdapterState state, String setting) {
        String value = optional(state, setting);
        if (value == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Storage destination " + state.name()
                    + " (" + state.adapterType() + ") needs settings." + setting);
        }
        return value;
    }

    private static String optional(AdapterState state, String setting) {
        Object value = state.settings().get(setting);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
