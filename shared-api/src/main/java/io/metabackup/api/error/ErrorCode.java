package io.metabackup.api.error;

/** Stable machine codes of every error the API returns; clients switch on these, so they never change. */
public enum ErrorCode {

    VALIDATION_FAILED(400),
    /** Secrets were asked for without an encryption profile: they are only ever written encrypted. */
    SECRETS_REQUIRE_ENCRYPTION(400),
    /** The backup is encrypted and no key (or encryption profile) was given. */
    KEY_REQUIRED(400),
    /** The backup file came without its .meta.json. */
    META_MISSING(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    ALREADY_EXISTS(409),
    DUPLICATE_NAME(409),
    IN_USE(409),
    SETUP_CLOSED(409),
    /** The change would leave no enabled user able to manage users and groups. */
    LAST_ADMINISTRATOR(409),
    VERSION_CONFLICT(409),
    PRECONDITION_REQUIRED(428),
    /** A backup that decompresses beyond the configured maximum, refused before it can exhaust memory. */
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    INVALID_REFERENCE(422),
    RESTORE_FAILED(409),
    KEY_MISSING(409),
    /** Authenticated decryption failed: not the key the backup was made with, or the IV/tag were altered. */
    WRONG_KEY(422),
    /** The backup file or its metadata is damaged or was altered (checksums, compression, JSON). */
    CORRUPT_BACKUP(422),
    /** A backup format version this build cannot read. */
    UNSUPPORTED_VERSION(422),
    INTERNAL_ERROR(500),
    /** A storage destination (local directory, bucket) could not be read or written. */
    DESTINATION_UNAVAILABLE(502);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
