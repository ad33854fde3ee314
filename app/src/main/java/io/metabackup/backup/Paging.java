package io.metabackup.backup;

import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

/** {@code page} (from 0) and {@code size} (1 to 500) of a list endpoint. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;
    /** Far beyond any real list, and small enough that {@code page * size} cannot overflow. */
    public static final int MAX_PAGE = 1_000_000;

    public static Paging of(int page, int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "page must be between 0 and " + MAX_PAGE + " and size between 1 and " + MAX_SIZE);
        }
        return new Paging(page, size);
    }

    public int offset() {
        return page * size;
    }
}
