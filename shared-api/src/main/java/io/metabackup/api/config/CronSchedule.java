package io.metabackup.api.config;

import org.springframework.scheduling.support.CronExpression;

/** Turns a cron expression as users write it (five fields, or six with seconds, or a macro) into Spring's form. */
public final class CronSchedule {

    private CronSchedule() {
    }

    public static String normalize(String expression) {
        String trimmed = expression.trim();
        if (!trimmed.startsWith("@") && trimmed.split("\\s+").length == 5) {
            return "0 " + trimmed;
        }
        return trimmed;
    }

    public static CronExpression parse(String expression) {
        return CronExpression.parse(normalize(expression));
    }

    public static boolean isValid(String expression) {
        try {
            parse(expression);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
