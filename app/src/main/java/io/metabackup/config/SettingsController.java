package io.metabackup.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.Permission;
import io.metabackup.api.config.SettingsState;
import io.metabackup.api.config.SystemBackupSettings;
import io.metabackup.security.CurrentIdentity;
import io.metabackup.api.config.UpdateSettingsCommand;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;

/** The system settings singleton; reads give the defaults until the first write. */
@RestController
@RequestMapping("/api/config/settings")
class SettingsController {

    private final CommandGateway commands;
    private final CurrentConfiguration configuration;
    private final EntityJson json;

    SettingsController(CommandGateway commands, CurrentConfiguration configuration, EntityJson json) {
        this.commands = commands;
        this.configuration = configuration;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<ObjectNode> read() {
        return respond(configuration.settings());
    }

    @PutMapping
    ResponseEntity<ObjectNode> update(@RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @RequestBody JsonNode body) {
        EntityJson.EntityWrite write = json.read(EntityType.SETTINGS, body);
        if (!write.secretsToSet().isEmpty() || !write.secretsToRemove().isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Settings have no secrets");
        }
        requireSecretsPermission(((SettingsState) configuration.settings().state()).systemBackup(),
                ((SettingsState) write.state()).systemBackup());
        commands.sendAndWait(new UpdateSettingsCommand((SettingsState) write.state(),
                ETags.expectedVersion(ifMatch, write.version())));
        return respond(configuration.settings());
    }

    /**
     * Automated backups that include secrets write every secret to a destination, encrypted with a key of the
     * caller's choosing: starting that, or pointing it elsewhere, needs the same permission as exporting secrets.
     */
    private static void requireSecretsPermission(SystemBackupSettings before, SystemBackupSettings after) {
        boolean redirectsSecrets = after.includeSecrets() && (!before.includeSecrets()
                || !Objects.equals(before.destinationId(), after.destinationId())
                || !Objects.equals(before.encryptionProfileId(), after.encryptionProfileId()));
        if (redirectsSecrets) {
            CurrentIdentity.require(Permission.BACKUP_EXPORT_SECRETS, "An automated backup that includes secrets");
        }
    }

    private ResponseEntity<ObjectNode> respond(EntityRecord settings) {
        return ResponseEntity.ok().eTag(ETags.of(settings.version())).body(json.write(settings));
    }
}
