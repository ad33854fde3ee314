package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0 3 * * *", "*/15 * * * *", "30 2 1 * *", "0 0 * * MON-FRI", "0 12 * * 0", "5 4 * * sun",
            "0 0 3 * * *", "*/30 * * * * *", "0 0 4 * * SUN", "0 0 0 1 1 ?",
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
            "  0 3 * * *  "
    })
    void acceptsClassicSpringAndMacroExpressions(String expression) {
        assertThat(CronSchedule.isValid(expression)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "garbage", "every day at 3", "* * * *", "0 0 0 3 * * *", "60 * * * *", "0 24 * * *",
            "0 3 32 * *", "0 3 * 13 *", "0 3 * * 8x", "a b c d e", "@reboot", "@never", "@", "daily"
    })
    void refusesGarbage(String expression) {
        assertThat(CronSchedule.isValid(expression)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 3 * * *        | 0 0 3 * * *",
            "'  0 3 * * *  '  | 0 0 3 * * *",
            "*/5 * * * *      | 0 */5 * * * *",
            "0 0 3 * * *      | 0 0 3 * * *",
            "' 0 0 3 * * * '  | 0 0 3 * * *",
            "@daily           | @daily",
            "' @weekly '      | @weekly"
    })
    void normalizeAddsASecondsFieldToFiveFieldExpressionsOnly(String expression, String normalized) {
        assertThat(CronSchedule.normalize(expression)).isEqualTo(normalized);
    }

    @Test
    void aFiveFieldExpressionKeepsItsClassicMeaningMinuteThenHour() {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);

        assertThat(CronSchedule.parse("0 3 * * *").next(start)).isEqualTo(LocalDateTime.of(2024, 1, 1, 3, 0, 0));
        assertThat(CronSchedule.parse("30 2 * * *").next(start)).isEqualTo(LocalDateTime.of(2024, 1, 1, 2, 30, 0));
        assertThat(CronSchedule.parse("*/15 * * * *").next(start)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 15, 0));
    }

    @Test
    void aSixFieldExpressionIsReadWithSecondsFirst() {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);

        assertThat(CronSchedule.parse("10 0 3 * * *").next(start)).isEqualTo(LocalDateTime.of(2024, 1, 1, 3, 0, 10));
    }

    @Test
    void macrosMeanWhatTheySay() {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 10, 0);

        assertThat(CronSchedule.parse("@daily").next(start)).isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
        assertThat(CronSchedule.parse("@hourly").next(start)).isEqualTo(LocalDateTime.of(2024, 1, 1, 11, 0));
    }

    @Test
    void theDefaultSystemBackupScheduleRunsDailyAtThree() {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 4, 0);

        assertThat(CronSchedule.parse(SystemBackupSettings.DEFAULT_SCHEDULE).next(start))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 0));
    }

    @Test
    void aScheduleThatNeverFiresIsNotValidAndTabsCountAsSpaces() {
        assertThat(CronSchedule.isValid("0 0 31 2 *")).isFalse();
        assertThat(CronSchedule.isValid(null)).isFalse();
        assertThat(CronSchedule.isValid("0\t3\t*\t*\t*")).isTrue();
        assertThat(CronSchedule.normalize("0\t3  * * *")).isEqualTo("0 0 3 * * *");
    }
}
