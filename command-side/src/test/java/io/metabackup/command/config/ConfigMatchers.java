package io.metabackup.command.config;

import io.metabackup.api.config.ConfigEntityCreatedEvent;
import io.metabackup.api.config.ConfigEntityDeletedEvent;
import io.metabackup.api.config.ConfigEntityUpdatedEvent;
import io.metabackup.api.config.FieldError;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.axonframework.messaging.Message;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * Hamcrest matchers for the fixture's {@code expect...} methods whose requirements are written as AssertJ
 * assertions, so that a failure says exactly which property of an event or exception was wrong.
 */
final class ConfigMatchers {

    private ConfigMatchers() {
    }

    /** Exactly one event was published, and it is a created event meeting the requirements. */
    static Matcher<List<Message<?>>> onlyCreated(Consumer<ConfigEntityCreatedEvent> requirements) {
        return payloadsMatching(exactSequenceOf(satisfying(ConfigEntityCreatedEvent.class, requirements), andNoMore()));
    }

    /** Exactly one event was published, and it is an updated event meeting the requirements. */
    static Matcher<List<Message<?>>> onlyUpdated(Consumer<ConfigEntityUpdatedEvent> requirements) {
        return payloadsMatching(exactSequenceOf(satisfying(ConfigEntityUpdatedEvent.class, requirements), andNoMore()));
    }

    /** Exactly one event was published, and it is a deleted event meeting the requirements. */
    static Matcher<List<Message<?>>> onlyDeleted(Consumer<ConfigEntityDeletedEvent> requirements) {
        return payloadsMatching(exactSequenceOf(satisfying(ConfigEntityDeletedEvent.class, requirements), andNoMore()));
    }

    /** A {@link DomainException} with {@code code}. */
    static Matcher<Object> domainError(ErrorCode code) {
        return domainError(code, e -> {
        });
    }

    /** A {@link DomainException} with {@code code} that also meets {@code requirements}. */
    static Matcher<Object> domainError(ErrorCode code, Consumer<DomainException> requirements) {
        return domainError(code, "", requirements);
    }

    private static Matcher<Object> domainError(ErrorCode code, String detail, Consumer<DomainException> requirements) {
        return satisfying(DomainException.class, "a DomainException with code " + code + detail, e -> {
            assertThat(e.code()).as("error code (message: %s)", e.getMessage()).isEqualTo(code);
            requirements.accept(e);
        });
    }

    /** A VALIDATION_FAILED error whose field errors include one for {@code field}. */
    static Matcher<Object> validationFailedOn(String field) {
        return domainError(ErrorCode.VALIDATION_FAILED, " and a field error on " + field,
                e -> assertThat(fieldErrors(e)).as("field errors of \"%s\"", e.getMessage())
                .extracting(FieldError::field)
                .contains(field));
    }

    /** An INVALID_REFERENCE error whose only field error is for {@code field}. */
    static Matcher<Object> invalidReferenceOn(String field) {
        return domainError(ErrorCode.INVALID_REFERENCE, " and only a field error on " + field,
                e -> assertThat(fieldErrors(e)).as("field errors of \"%s\"", e.getMessage())
                .extracting(FieldError::field)
                .containsExactly(field));
    }

    @SuppressWarnings("unchecked")
    static List<FieldError> fieldErrors(DomainException e) {
        assertThat(e.properties()).as("properties of \"%s\"", e.getMessage()).containsKey("errors");
        return (List<FieldError>) e.properties().get("errors");
    }

    /** Matches instances of {@code type} that pass the AssertJ {@code requirements}. */
    static <T> Matcher<Object> satisfying(Class<T> type, Consumer<? super T> requirements) {
        return satisfying(type, "a " + type.getSimpleName() + " meeting the test's requirements", requirements);
    }

    static <T> Matcher<Object> satisfying(Class<T> type, String description, Consumer<? super T> requirements) {
        return new SatisfyingMatcher<>(type, description, requirements);
    }

    private static final class SatisfyingMatcher<T> extends BaseMatcher<Object> {

        private final Class<T> type;
        private final String description;
        private final Consumer<? super T> requirements;
        private String failure;

        SatisfyingMatcher(Class<T> type, String description, Consumer<? super T> requirements) {
            this.type = type;
            this.description = description;
            this.requirements = requirements;
        }

        @Override
        public boolean matches(Object item) {
            if (!type.isInstance(item)) {
                failure = "was " + (item == null ? "nothing" : item.getClass().getSimpleName() + ": " + item);
                return false;
            }
            try {
                requirements.accept(type.cast(item));
                failure = null;
                return true;
            } catch (AssertionError e) {
                failure = e.getMessage();
                return false;
            }
        }

        @Override
        public void describeTo(Description description) {
            // The fixture reports expectations through describeTo only, so the reason of the last failure goes here.
            description.appendText(this.description);
            if (failure != null) {
                description.appendText(" [but " + failure.strip() + "]");
            }
        }

        @Override
        public void describeMismatch(Object item, Description description) {
            description.appendText(failure == null ? "matched" : failure);
        }
    }
}
