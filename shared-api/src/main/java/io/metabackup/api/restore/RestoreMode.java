package io.metabackup.api.restore;

/** What a restore does with what already exists. */
public enum RestoreMode {
    /** Entities of the backup are brought to its state (or created); entities absent from it are kept. */
    OVERWRITE,
    /** Only entities whose id does not exist are added; nothing existing changes. */
    MERGE,
    /** As OVERWRITE, and entities absent from the backup are deleted: the configuration ends exactly as backed up. */
    REPLACE
}
