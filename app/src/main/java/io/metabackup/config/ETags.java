package io.metabackup.config;

import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;

/** Entity versions as HTTP entity tags, so {@code If-Match} works as clients expect. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version a write expects: {@code If-Match} wins over a {@code version} in the body; none means any. */
    static Long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return bodyVersion;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "If-Match must hold an entity version such as \"3\"");
        }
    }
}
