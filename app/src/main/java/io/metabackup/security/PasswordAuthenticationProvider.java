package io.metabackup.security;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.api.config.SecretValue;
import io.metabackup.audit.AuditTrail;
import io.metabackup.config.UserPasswords;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password (HTTP Basic and the login endpoint). Every refusal (unknown user, wrong password,
 * disabled user, locked by throttling) costs one Argon2id verification and ends in the same exception, so neither
 * the answer nor its timing tells whether the account exists.
 */
@Component
public class PasswordAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSAL = "Wrong username or password, or too many failed attempts";

    private final Accounts accounts;
    private final UserPasswords passwords;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    PasswordAuthenticationProvider(Accounts accounts, UserPasswords passwords, LoginThrottle throttle,
                                   AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    static final String UNKNOWN_ACCOUNT = "(no such account)";

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getPrincipal());
        SecretValue password = new SecretValue(String.valueOf(authentication.getCredentials()));
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : "unknown";
        boolean locked = throttle.isLocked(username, address);
        Optional<Account> account = locked ? Optional.empty() : accounts.byUsername(username);
        Optional<SecretValue> hash = account.filter(Account::enabled).flatMap(accounts::passwordHash);
        boolean valid = hash.isPresent() ? passwords.matches(password, hash.get()) : passwords.matchesNothing(password);
        if (!valid) {
            throttle.recordFailure(username, address);
            if (!locked) {
                // the history is permanent: only a name that is an account goes into it, never whatever was typed
                // (a password in the username field, say); attempts while locked are only counted
                Map<String, String> details = new LinkedHashMap<>();
                details.put("address", address);
                audit.record(AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE,
                        account.map(Account::username).orElse(UNKNOWN_ACCOUNT), details);
            }
            throw new BadCredentialsException(REFUSAL);
        }
        throttle.recordSuccess(username);
        Account user = account.get();
        return UsernamePasswordAuthenticationToken.authenticated(
                new AuthenticatedUser(user.id(), user.username(), null, AuthenticatedUser.Method.BASIC), null,
                Authorities.of(user.permissions()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
