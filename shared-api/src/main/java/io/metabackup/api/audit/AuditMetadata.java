package io.metabackup.api.audit;

/** Names of the metadata every command and event carries, so that history can say who, why and from where. */
public final class AuditMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_NAME = "actorName";
    /** The API token the actor used, when the request authenticated with one. */
    public static final String TOKEN_ID = "tokenId";
    /** The request (or scheduled run) that caused the change; one id for every event of that request. */
    public static final String REQUEST_ID = "requestId";
    public static final String SOURCE = "source";
    public static final String RESTORE_ID = "restoreId";
    /** Set on a change that brings an entity back to the state of one of its earlier versions. */
    public static final String REVERTED_TO_VERSION = "revertedToVersion";

    public static final String SYSTEM_ACTOR = "system";

    private AuditMetadata() {
    }
}
