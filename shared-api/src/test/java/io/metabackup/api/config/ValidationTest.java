package io.metabackup.api.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationTest {

    @Test
    void aFreshValidationHasNoErrors() {
        assertThat(new Validation().errors()).isEmpty();
    }

    @Test
    void requireAddsAnErrorOnlyWhenTheConditionFails() {
        assertThat(new Validation().require(true, "a", "x").require(false, "b", "y").errors())
                .containsExactly(new FieldError("b", "y"));
    }

    @Test
    void nameReportsOneErrorPerBrokenRule() {
        assertThat(new Validation().name("n", null).errors()).containsExactly(new FieldError("n", "must not be blank"));
        assertThat(new Validation().name("n", " ").errors()).containsExactly(
                new FieldError("n", "must not be blank"),
                new FieldError("n", "must not start or end with white space"));
        assertThat(new Validation().name("n", "x".repeat(Validation.MAX_NAME_LENGTH)).errors()).isEmpty();
        assertThat(new Validation().name("n", "x".repeat(Validation.MAX_NAME_LENGTH + 1)).errors())
                .containsExactly(new FieldError("n", "must be at most 200 characters"));
        assertThat(new Validation().name("n", "Inner  spaces are fine").errors()).isEmpty();
    }

    @Test
    void zoneRefusesNull() {
        assertThat(new Validation().zone("tz", null).errors()).extracting(FieldError::field).containsExactly("tz");
    }

    @Test
    void cronRefusesNull() {
        assertThat(new Validation().cron("c", null).errors()).extracting(FieldError::field).containsExactly("c");
    }

    @Test
    void noDuplicatesComparesByEquality() {
        assertThat(new Validation().noDuplicates("l", List.of("a", "b")).errors()).isEmpty();
        assertThat(new Validation().noDuplicates("l", List.of(new String("a"), new String("a"))).errors())
                .containsExactly(new FieldError("l", "must not contain duplicates"));
    }

    @Test
    void errorsIsAnUnmodifiableSnapshot() {
        Validation validation = new Validation().require(false, "a", "x");
        List<FieldError> errors = validation.errors();
        validation.require(false, "b", "y");

        assertThat(errors).hasSize(1);
        assertThatThrownBy(() -> errors.add(new FieldError("c", "z"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
