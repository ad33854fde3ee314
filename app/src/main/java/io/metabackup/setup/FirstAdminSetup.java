package io.metabackup.setup;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.config.CreateConfigEntityCommand;
import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.Permission;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.UpdateConfigEntityCommand;
import io.metabackup.api.config.UserState;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.audit.AuditTrail;
import io.metabackup.config.UserPasswords;
import io.metabackup.query.config.CurrentConfiguration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates the first user and the built-in group "administrators" holding every permission, in one transaction.
 * Concurrent attempts are serialised by a PostgreSQL advisory lock held for the transaction, so exactly one wins
 * even across several instances sharing the database.
 */
@Service
public class FirstAdminSetup {

    public static final String ADMINISTRATORS = "administrators";

    /** An arbitrary constant naming the setup lock among advisory locks. */
    private static final long SETUP_LOCK = 0x6d6574615f736574L;

    private final CommandGateway commands;
    private final CurrentConfiguration configuration;
    private final UserPasswords passwords;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    FirstAdminSetup(CommandGateway commands, CurrentConfiguration configuration, UserPasswords passwords,
                    TransactionTemplate transaction, JdbcTemplate jdbc, AuditTrail audit) {
        this.commands = commands;
        this.configuration = configuration;
        this.passwords = passwords;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public boolean isOpen() {
        return configuration.list(EntityType.USER).isEmpty();
    }

    public UUID createFirstAdmin(String username, String password, String email) {
        SecretValue hash = passwords.hash(new SecretValue(password));
        return transaction.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", SETUP_LOCK);
            if (!isOpen()) {
                throw new DomainException(ErrorCode.SETUP_CLOSED, "Setup is complete: users exist already");
            }
            UUID groupId = administratorsGroup();
            UUID id = UUID.randomUUID();
            commands.sendAndWait(new CreateConfigEntityCommand(id,
                    new UserState(username, email, username, List.of(groupId), true), Map.of("password", hash)));
            audit.record(AuditAction.SETUP_COMPLETED, Map.of("userId", id.toString(), "username", username,
                    "groupId", groupId.toString()));
            return id;
        });
    }

    /** A group of that name may survive from earlier users; it is made to hold every permission again. */
    private UUID administratorsGroup() {
        GroupState everything = new GroupState(ADMINISTRATORS, Permission.codes());
        Optional<EntityRecord> existing = configuration.findByName(EntityType.GROUP, ADMINISTRATORS);
        if (existing.isPresent()) {
            commands.sendAndWait(new UpdateConfigEntityCommand(existing.get().id(), null,
                    new GroupState(existing.get().state().naturalKey(), Permission.codes()), Map.of(), Set.of()));
            return existing.get().id();
        }
        UUID groupId = UUID.randomUUID();
        commands.sendAndWait(new CreateConfigEntityCommand(groupId, everything, Map.of()));
        return groupId;
    }
}
