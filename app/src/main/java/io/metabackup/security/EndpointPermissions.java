package io.metabackup.security;

import io.metabackup.api.config.EntityType;
import io.metabackup.api.config.Permission;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.metabackup.api.config.Permission.AUDIT_READ;
import static io.metabackup.api.config.Permission.BACKUP_EXPORT;
import static io.metabackup.api.config.Permission.BACKUP_RESTORE;
import static io.metabackup.api.config.Permission.HISTORY_READ;
import static io.metabackup.api.config.Permission.SETTINGS_READ;
import static io.metabackup.api.config.Permission.SETTINGS_WRITE;
import static io.metabackup.api.config.Permission.TOKENS_ADMIN;
import static io.metabackup.api.config.Permission.TOKENS_MANAGE;
import static io.metabackup.api.config.Permission.VAULT_MANAGE;
import static io.metabackup.api.config.Permission.VAULT_REVEAL;

/**
 * The one table that says who may call which endpoint. Anything not listed is denied, so a new endpoint stays
 * closed until it is added here; a test walks every mapped endpoint to hold that line.
 */
public final class EndpointPermissions {

    /** What a rule asks of the caller. */
    public enum Access {
        /** anyone, signed in or not */
        PUBLIC,
        /** any identity, whatever its permissions */
        AUTHENTICATED,
        /** an identity holding at least one of the rule's permissions */
        ANY_OF
    }

    /** @param pattern a Spring path pattern ({@code *} is one segment, {@code **} any number) */
    public record Rule(HttpMethod method, String pattern, Access access, Set<Permission> permissions) {
    }

    private EndpointPermissions() {
    }

    public static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        rules.add(open(HttpMethod.GET, "/api/setup"));
        rules.add(open(HttpMethod.POST, "/api/setup"));
        rules.add(open(HttpMethod.POST, "/api/auth/login"));
        rules.add(new Rule(HttpMethod.POST, "/api/auth/logout", Access.AUTHENTICATED, Set.of()));
        rules.add(new Rule(HttpMethod.GET, "/api/auth/me", Access.AUTHENTICATED, Set.of()));
        rules.add(anyOf(HttpMethod.GET, "/api/config/settings", SETTINGS_READ));
        rules.add(anyOf(HttpMethod.PUT, "/api/config/settings", SETTINGS_WRITE));
        for (EntityType type : EntityType.values()) {
            if (type.isSingleton()) {
                continue;
            }
            String collection = "/api/config/" + type.path();
            Permission read = permission(type.path() + ":read");
            Permission write = permission(type.path() + ":write");
            rules.add(anyOf(HttpMethod.GET, collection, read));
            rules.add(anyOf(HttpMethod.GET, collection + "/*", read));
            rules.add(anyOf(HttpMethod.POST, collection, write));
            rules.add(anyOf(HttpMethod.PUT, collection + "/*", write));
            rules.add(anyOf(HttpMethod.DELETE, collection + "/*", write));
            rules.add(anyOf(HttpMethod.POST, collection + "/*/revert", write));
        }
        rules.add(anyOf(HttpMethod.POST, "/api/tokens", TOKENS_MANAGE));
        rules.add(anyOf(HttpMethod.GET, "/api/tokens", TOKENS_MANAGE, TOKENS_ADMIN));
        rules.add(anyOf(HttpMethod.DELETE, "/api/tokens/*", TOKENS_MANAGE, TOKENS_ADMIN));
        rules.add(anyOf(HttpMethod.GET, "/api/audit", AUDIT_READ));
        rules.add(anyOf(HttpMethod.GET, "/api/audit/verify", AUDIT_READ));
        rules.add(anyOf(HttpMethod.GET, "/api/history", HISTORY_READ));
        rules.add(anyOf(HttpMethod.GET, "/api/history/**", HISTORY_READ));
        rules.add(anyOf(HttpMethod.GET, "/api/config/snapshot", HISTORY_READ));
        rules.add(anyOf(HttpMethod.GET, "/api/config/diff", HISTORY_READ));
        // exporting secrets needs backup:export-secrets as well; the export endpoint checks the body for that
        rules.add(anyOf(HttpMethod.POST, "/api/system-backup/export", BACKUP_EXPORT));
        rules.add(anyOf(HttpMethod.POST, "/api/system-backup/run", BACKUP_EXPORT));
        rules.add(anyOf(HttpMethod.GET, "/api/system-backup/runs", BACKUP_EXPORT));
        rules.add(anyOf(HttpMethod.GET, "/api/system-backup/destinations/*/backups", BACKUP_EXPORT, BACKUP_RESTORE));
        rules.add(anyOf(HttpMethod.GET, "/api/snapshots", HISTORY_READ, BACKUP_EXPORT));
        rules.add(anyOf(HttpMethod.POST, "/api/system-backup/restore", BACKUP_RESTORE));
        rules.add(anyOf(HttpMethod.POST, "/api/vault/profiles/import", VAULT_MANAGE));
        rules.add(anyOf(HttpMethod.GET, "/api/vault/profiles/*/key", VAULT_REVEAL));
        rules.add(anyOf(HttpMethod.GET, "/api/vault/recovery-kit", VAULT_REVEAL));
        rules.add(open(HttpMethod.GET, "/actuator/health"));
        rules.add(open(HttpMethod.GET, "/actuator/health/**"));
        // metrics and the like describe the instance's activity: for those who may read the audit log
        rules.add(anyOf(HttpMethod.GET, "/actuator/**", AUDIT_READ));
        return List.copyOf(rules);
    }

    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        for (Rule rule : rules()) {
            var matched = registry.requestMatchers(paths.matcher(rule.method(), rule.pattern()));
            switch (rule.access()) {
                case PUBLIC -> matched.permitAll();
                case AUTHENTICATED -> matched.authenticated();
                case ANY_OF -> matched.hasAnyAuthority(rule.permissions().stream().map(Permission::code).sorted()
                        .toArray(String[]::new));
            }
        }
        registry.anyRequest().denyAll();
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Access.PUBLIC, Set.of());
    }

    private static Rule anyOf(HttpMethod method, String pattern, Permission... permissions) {
        return new Rule(method, pattern, Access.ANY_OF, Set.copyOf(Arrays.asList(permissions)));
    }

    private static Permission permission(String code) {
        return Permission.fromCode(code).orElseThrow(() -> new IllegalStateException("no permission " + code));
    }
}
