package io.metabackup.api.audit;

/** Where a change came from. */
public enum ChangeSource {
    API, RESTORE, SCHEDULE, SYSTEM
}
