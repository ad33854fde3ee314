package io.metabackup.api.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fixed catalogue of permissions a group can hold. The codes are stable: groups and backups store them. */
public enum Permission {

    ADAPTERS_READ("adapters:read", "read database, storage and notification adapters"),
    ADAPTERS_WRITE("adapters:write", "create, change and delete adapters"),
    JOBS_READ("jobs:read", "read backup jobs"),
    JOBS_WRITE("jobs:write", "create, change and delete backup jobs"),
    USERS_READ("users:read", "read users"),
    USERS_WRITE("users:write", "create, change and delete users"),
    GROUPS_READ("groups:read", "read groups"),
    GROUPS_WRITE("groups:write", "create, change and delete groups"),
    ENCRYPTION_PROFILES_READ("encryption-profiles:read", "read encryption profiles (never their keys)"),
    ENCRYPTION_PROFILES_WRITE("encryption-profiles:write", "create, change and delete encryption profiles"),
    SSO_PROVIDERS_READ("sso-providers:read", "read SSO providers"),
    SSO_PROVIDERS_WRITE("sso-providers:write", "create, change and delete SSO providers"),
    SETTINGS_READ("settings:read", "read system settings"),
    SETTINGS_WRITE("settings:write", "change system settings"),
    BACKUP_EXPORT("backup:export", "export system backups without secrets, run and list automated backups"),
    BACKUP_EXPORT_SECRETS("backup:export-secrets", "export system backups that include secrets"),
    BACKUP_RESTORE("backup:restore", "restore system backups"),
    VAULT_READ("vault:read", "list vault profiles"),
    VAULT_MANAGE("vault:manage", "create, import and delete vault profiles"),
    VAULT_REVEAL("vault:reveal", "reveal encryption-profile keys and download recovery kits"),
    HISTORY_READ("history:read", "read configuration history, point-in-time views and diffs"),
    AUDIT_READ("audit:read", "read the audit log and verify the history chain"),
    TOKENS_MANAGE("tokens:manage", "create, list and revoke API tokens of one's own"),
    TOKENS_ADMIN("tokens:admin", "list and revoke the API tokens of every user");

    /**
     * What makes a user an administrator: being enabled and holding, through groups, all of these. The instance
     * refuses any change that would leave no administrator, because nobody could then manage access.
     */
    public static final Set<Permission> ADMINISTRATION = Collections.unmodifiableSet(
            EnumSet.of(USERS_READ, USERS_WRITE, GROUPS_READ, GROUPS_WRITE));

    private final String code;
    private final String description;

    Permission(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Permission::code).toList();
    }

    /** The codes of {@link #ADMINISTRATION}. */
    public static Set<String> administrationCodes() {
        return ADMINISTRATION.stream().map(Permission::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
