package io.metabackup.command.secrets;

import java.util.UUID;

/** Where each entity's own data key lives (wrapped by the {@link KeyEncryptionKey}). */
public interface DataKeys {

    /** The entity's data key, created on first use. */
    byte[] dataKeyFor(UUID entityId);
}
