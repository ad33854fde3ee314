package io.metabackup.api.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors for the entity records, so each rule reads as one line. */
final class Validation {

    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<FieldError> errors = new ArrayList<>();

    Validation require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    Validation name(String field, String value) {
        return require(value != null && !value.isBlank(), field, "must not be blank")
                .require(value == null || value.length() <= MAX_NAME_LENGTH, field,
                        "must be at most " + MAX_NAME_LENGTH + " characters")
                .require(value == null || value.equals(value.strip()), field,
                        "must not start or end with white space");
    }

    Validation notNull(Object value, String field) {
        return require(value != null, field, "is required");
    }

    Validation email(String field, String value) {
        return require(value == null || EMAIL.matcher(value).matches(), field, "is not an e-mail address");
    }

    Validation cron(String field, String value) {
        return require(value != null && CronSchedule.isValid(value), field,
                "must be a cron expression (5 or 6 fields, e.g. \"0 3 * * *\")");
    }

    Validation zone(String field, String value) {
        try {
            ZoneId.of(value);
            return this;
        } catch (DateTimeException | NullPointerException e) {
            return require(false, field, "must be a time zone such as \"UTC\" or \"Europe/Berlin\"");
        }
    }

    Validation noDuplicates(String field, Collection<?> values) {
        return require(new HashSet<>(values).size() == values.size(), field, "must not contain duplicates");
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
