package io.metabackup.api.error;

/** Stable machine codes of every error the API returns; clients switch on these, so they never change. */
public enum ErrorCode {

    VALIDATION_FAILED(400),
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
    UNSUPPORTED_MEDIA_TYPE(415),
    INVALID_REFERENCE(422),
    CORRUPT_BACKUP(422),
    UNSUPPORTED_VERSION(422),
    RESTORE_FAILED(409),
    KEY_MISSING(409),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
