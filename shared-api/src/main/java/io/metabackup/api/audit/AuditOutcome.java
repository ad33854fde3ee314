package io.metabackup.api.audit;

public enum AuditOutcome {
    SUCCESS, FAILURE
}
