package io.metabackup.query.history;

/** What a change did to an entity, as auditors read it. */
public enum HistoryAction {
    CREATED, UPDATED, DELETED,
    /** Written by a restore (creates and updates; a restore that deletes still records DELETED with its id). */
    RESTORED,
    /** Brought an entity back to the state of an earlier version. */
    REVERTED
}
