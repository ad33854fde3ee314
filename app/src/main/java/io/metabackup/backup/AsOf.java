package io.metabackup.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.history.PointInTime;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code asOf} as clients send it: absent (now), an ISO-8601 instant, or a stream position (number or digits). */
final class AsOf {

    private AsOf() {
    }

    static PointInTime parse(JsonNode asOf) {
        if (asOf == null || asOf.isNull() || asOf.isMissingNode()) {
            return PointInTime.latest();
        }
        if (asOf.isIntegralNumber() && asOf.canConvertToLong() && asOf.longValue() >= 0) {
            return PointInTime.atPosition(asOf.longValue());
        }
        if (asOf.isTextual()) {
            String text = asOf.textValue().strip();
            if (text.matches("\\d{1,18}")) {
                return PointInTime.atPosition(Long.parseLong(text));
            }
            try {
                return PointInTime.atInstant(Instant.parse(text));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new DomainException(ErrorCode.VALIDATION_FAILED, "asOf must be an ISO-8601 instant such as "
                + "\"2024-01-15T12:00:00Z\" or a non-negative stream position");
    }
}
