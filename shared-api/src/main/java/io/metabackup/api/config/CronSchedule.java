package io.metabackup.api.config;

import org.springframework.scheduling.support.CronExpression;

/**
 * Turns a cron expression as users write it (five fields, or six with seconds, or a macro such as {@code @daily})
 * into Spring's form. Unlike classic cron, when both day-of-month and day-of-week are restricted, both must match.
 */
public final class CronSchedule {

    private CronSchedule() {
    }

    public static String normalize(String expression) {
        String spaced = String.join(" ", expression.trim().split("\\s+"));
        if (!spaced.startsWith("@") && spaced.split(" ").length == 5) {
            return "0 " + spaced;
        }
        return spaced;
    }

    public static CronExpression parse(String expression) {
        return CronExpression.parse(normalize(expression));
    }

    /** Valid means parseable and firing at least once (so "31 February" is not valid). */
    public static boolean isValid(String expression) {
        if (expression == null) {
            return false;
        }
        try {
            return parse(expression).next(java.time.LocalDateTime.now()) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
