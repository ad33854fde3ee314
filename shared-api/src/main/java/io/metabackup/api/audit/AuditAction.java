package io.metabackup.api.audit;

/**
 * The actions the audit log names. Stored by name, so a constant is never renamed; new flows add their own.
 * Configuration changes and token events are listed from their own events; the others are recorded as
 * {@link AuditRecordedEvent}s.
 */
public enum AuditAction {
    SETUP_COMPLETED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGOUT,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    CONFIG_CREATED,
    CONFIG_UPDATED,
    CONFIG_DELETED,
    /** {@code details.includesSecrets} says whether the file held secrets. */
    BACKUP_EXPORTED,
    BACKUP_RESTORED,
    VAULT_KEY_REVEALED,
    RECOVERY_KIT_DOWNLOADED
}
