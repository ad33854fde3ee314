package io.metabackup.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.DeleteConfigEntityCommand;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Create, read, update and delete of every entity type under {@code /api/config/{type}}. */
@RestController
@RequestMapping("/api/config/{type}")
class ConfigEntityController {

    private final CommandGateway commands;
    private final CurrentConfiguration configuration;
    private final EntityJson json;
    private final UserPasswords passwords;

    ConfigEntityController(CommandGateway commands, CurrentConfiguration configuration, EntityJson json,
                           UserPasswords passwords) {
        this.commands = commands;
        this.configuration = configuration;
        this.json = json;
        this.passwords = passwords;
    }

    @GetMapping
    List<ObjectNode> list(@PathVariable("type") String path) {
        return configuration.list(type(path)).stream().map(json::write).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<ObjectNode> read(@PathVariable("type") String path, @PathVariable UUID id) {
        return withVersion(HttpStatus.OK, load(type(path), id));
    }

    @PostMapping
    ResponseEntity<ObjectNode> create(@PathVariable("type") String path, @RequestBody JsonNode body) {
        EntityType type = type(path);
        EntityJson.EntityWrite write = json.read(type, body);
        UUID id = write.id() != null ? write.id() : UUID.randomUUID();
        commands.sendAndWait(new CreateConfigEntityCommand(id, write.state(),
                passwords.hashed(type, write.secretsToSet())));
        EntityRecord created = load(type, id);
        return ResponseEntity.created(URI.create("/api/config/" + path + "/" + id))
                .eTag(ETags.of(created.version())).body(json.write(created));
    }

    @PutMapping("/{id}")
    ResponseEntity<ObjectNode> update(@PathVariable("type") String path, @PathVariable UUID id,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @RequestBody JsonNode body) {
        EntityType type = type(path);
        EntityJson.EntityWrite write = json.read(type, body);
        if (write.id() != null && !write.id().equals(id)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "\"id\" in the body differs from the id in the path");
        }
        commands.sendAndWait(new UpdateConfigEntityCommand(id, ETags.expectedVersion(ifMatch, write.version()),
                write.state(), passwords.hashed(type, write.secretsToSet()), write.secretsToRemove()));
        return withVersion(HttpStatus.OK, load(type, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable("type") String path, @PathVariable UUID id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        commands.sendAndWait(new DeleteConfigEntityCommand(id, type(path), ETags.expectedVersion(ifMatch, null)));
        return ResponseEntity.noContent().build();
    }

    private EntityRecord load(EntityType type, UUID id) {
        return configuration.find(type, id).orElseThrow(() ->
                new DomainException(ErrorCode.NOT_FOUND, "No " + type.label() + " with id " + id));
    }

    private ResponseEntity<ObjectNode> withVersion(HttpStatus status, EntityRecord record) {
        return ResponseEntity.status(status).eTag(ETags.of(record.version())).body(json.write(record));
    }

    private static EntityType type(String path) {
        return EntityType.fromPath(path).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "Unknown configuration type \"" + path + "\"; known: adapters, jobs, users, groups, "
                        + "encryption-profiles, sso-providers, settings"));
    }
}
