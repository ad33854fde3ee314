package io.metabackup.security;

import io.metabackup.api.config.EntityRecord;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.SecretValue;
import io.metabackup.api.config.UserState;
import io.metabackup.command.secrets.SecretSealer;
import io.metabackup.query.config.CurrentConfiguration;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Users and their permissions, read from the current configuration on every call: there is deliberately no cache,
 * so a disabled user or a withdrawn permission is refused from the next request on.
 */
@Component
public class Accounts {

    private static final String PASSWORD = "password";

    private final CurrentConfiguration configuration;
    private final SecretSealer sealer;

    public Accounts(CurrentConfiguration configuration, SecretSealer sealer) {
        this.configuration = configuration;
        this.sealer = sealer;
    }

    /** Usernames are unique ignoring case, and are looked up that way. */
    public Optional<Account> byUsername(String username) {
        return configuration.findByName(EntityType.USER, username).map(this::account);
    }

    public Optional<Account> byId(UUID id) {
        return configuration.find(EntityType.USER, id).map(this::account);
    }

    /** The Argon2id hash of the account's password, opened only to be checked. */
    public Optional<SecretValue> passwordHash(Account account) {
        return Optional.ofNullable(account.password()).map(sealed -> sealer.open(account.id(), PASSWORD, sealed));
    }

    private Account account(EntityRecord record) {
        UserState user = (UserState) record.state();
        Set<String> permissions = new TreeSet<>();
        for (UUID groupId : user.groupIds()) {
            configuration.find(EntityType.GROUP, groupId)
                    .ifPresent(group -> permissions.addAll(((GroupState) group.state()).permissions()));
        }
        return new Account(record.id(), user.username(), Boolean.TRUE.equals(user.enabled()), Set.copyOf(permissions),
                record.secrets().get(PASSWORD));
    }
}
