package io.metabackup.security;

import io.metabackup.query.token.ApiTokenView;
import io.metabackup.query.token.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a presented API token into an identity. A token may do what it was given and its owner can still do:
 * revoked, expired, or owned by a disabled or deleted user, it is refused.
 */
@Component
public class TokenAuthenticator {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final Clock clock = Clock.systemUTC();

    TokenAuthenticator(ApiTokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    public Optional<Authentication> authenticate(String value) {
        if (!value.startsWith(TokenValues.PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiTokenView> token = tokens.findByHash(TokenValues.hash(value))
                .filter(t -> t.activeAt(clock.instant()));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return accounts.byId(token.get().ownerId()).filter(Account::enabled).map(owner -> {
            Set<String> effective = new TreeSet<>(token.get().permissions());
            effective.retainAll(owner.permissions());
            return UsernamePasswordAuthenticationToken.authenticated(new AuthenticatedUser(owner.id(),
                    owner.username(), token.get().id(), AuthenticatedUser.Method.TOKEN), null,
                    Authorities.of(effective));
        });
    }
}
