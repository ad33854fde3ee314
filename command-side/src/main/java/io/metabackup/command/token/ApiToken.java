package io.metabackup.command.token;

import io.metabackup.api.config.Permission;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.token.ApiTokenCreatedEvent;
import io.metabackup.api.token.ApiTokenRevokedEvent;
import io.metabackup.api.token.CreateApiTokenCommand;
import io.metabackup.api.token.RevokeApiTokenCommand;
import io.metabackup.command.config.ConfigIndex;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An API token: a name, an owner, a set of permissions and perhaps an expiry. A token can never hold a permission
 * its owner did not hold when it was made; what it may do at each use is further cut to what the owner still holds
 * then, which the app checks.
 */
@Aggregate
public class ApiToken {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_NAME = 100;

    @AggregateIdentifier
    private UUID id;
    private UUID ownerId;
    private String name;
    private boolean revoked;

    protected ApiToken() {
        // for Axon
    }

    @CommandHandler
    public ApiToken(CreateApiTokenCommand command, ConfigIndex index) {
        List<String> errors = new ArrayList<>();
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME) {
            errors.add("name must be 1-" + MAX_NAME + " characters");
        }
        if (command.tokenHash() == null || !HASH.matcher(command.tokenHash()).matches()) {
            errors.add("tokenHash must be a hex SHA-256");
        }
        if (command.permissions().isEmpty()) {
            errors.add("permissions must name at least one permission");
        }
        command.permissions().stream().filter(p -> Permission.fromCode(p).isEmpty()).sorted()
                .forEach(p -> errors.add("unknown permission \"" + p + "\""));
        if (command.expiresAt() != null && !command.expiresAt().isAfter(GenericEventMessage.clock.instant())) {
            errors.add("expiresAt must be in the future");
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The API token is not valid: "
                    + String.join("; ", errors));
        }
        Set<String> held = index.access().permissionsOf(command.ownerId());
        if (held.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only an existing, enabled user can own API tokens");
        }
        Set<String> beyond = new TreeSet<>(command.permissions());
        beyond.removeAll(held);
        if (!beyond.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A token cannot hold permissions its owner lacks: "
                    + beyond, Map.of("beyond", List.copyOf(beyond)));
        }
        apply(new ApiTokenCreatedEvent(command.id(), command.ownerId(), command.name(), command.tokenHash(),
                List.copyOf(command.permissions()), command.expiresAt()));
    }

    /** Revoking twice is harmless and records nothing the second time. */
    @CommandHandler
    public void handle(RevokeApiTokenCommand command) {
        if (!revoked) {
            apply(new ApiTokenRevokedEvent(id, ownerId, name));
        }
    }

    @EventSourcingHandler
    void on(ApiTokenCreatedEvent event) {
        this.id = event.id();
        this.ownerId = event.ownerId();
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(ApiTokenRevokedEvent event) {
        this.revoked = true;
    }
}
