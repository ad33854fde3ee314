package io.metabackup.history;

import io.metabackup.api.audit.ChangeSource;
import io.metabackup.api.config.EntityType;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.history.PointInTime;
import io.metabackup.query.history.HistoryAction;
import io.metabackup.query.history.HistoryFilter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads history and point-in-time request parameters; a malformed one is a VALIDATION_FAILED naming it. */
final class HistoryParams {

    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private HistoryParams() {
    }

    static HistoryFilter filter(String type, String id, String actor, String source, String action, String from,
                                String to) {
        return new HistoryFilter(type(type), uuid("id", id), blankToNull(actor),
                constant("source", source, ChangeSource.class), constant("action", action, HistoryAction.class),
                instant("from", from), instant("to", to));
    }

    /** Either an instant or a position, or neither (the newest state). */
    static PointInTime point(String asOf, String position) {
        if (asOf != null && position != null) {
            throw invalid("Give either asOf or position, not both");
        }
        if (position != null) {
            return PointInTime.atPosition(position("position", position));
        }
        return asOf == null ? PointInTime.latest() : PointInTime.atInstant(instant("asOf", asOf));
    }

    /** A diff end: a whole number is a stream position, anything else must be an ISO-8601 instant. */
    static PointInTime pointOrPosition(String name, String value) {
        if (value == null || value.isBlank()) {
            return PointInTime.latest();
        }
        return POSITION.matcher(value.trim()).matches() ? PointInTime.atPosition(Long.parseLong(value.trim()))
                : PointInTime.atInstant(instant(name, value));
    }

    static int page(Integer page) {
        if (page != null && page < 0) {
            throw invalid("page must be 0 or more");
        }
        return page == null ? 0 : page;
    }

    static int size(Integer size, int max) {
        if (size != null && (size < 1 || size > max)) {
            throw invalid("size must be between 1 and " + max);
        }
        return size == null ? 50 : size;
    }

    static EntityType type(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (EntityType.SETTINGS.path().equals(path)) {
            return EntityType.SETTINGS;
        }
        return EntityType.fromPath(path).orElseThrow(() -> invalid("Unknown type \"" + path + "\"; known: "
                + String.join(", ", Arrays.stream(EntityType.values()).map(EntityType::path).toList())));
    }

    private static long position(String name, String value) {
        if (!POSITION.matcher(value.trim()).matches()) {
            throw invalid(name + " must be a stream position (a whole number of 0 or more)");
        }
        return Long.parseLong(value.trim());
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO-8601 instant such as 2024-01-15T12:00:00Z");
        }
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name + " must be a UUID");
        }
    }

    private static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message);
    }
}
