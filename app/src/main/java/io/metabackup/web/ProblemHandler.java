package io.metabackup.web;

import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Every error leaves as {@code application/problem+json} with a stable {@code code}. Messages are written here or
 * in {@link DomainException}s, never copied from the request or a driver, so no submitted value (a secret among
 * them) is echoed back, and no stack trace reaches a client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** PostgreSQL's codes for the deferred constraints, which fail at commit, outside Spring's translation. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String DEADLOCK_DETECTED = "40P01";
    /** The event store's unique key on aggregate and sequence number (V1 migration). */
    private static final String EVENT_STORE_KEY = "domain_event_entry_aggregate_sequence";

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleAny(Exception exception, WebRequest request) {
        return knownCause(exception).orElseGet(() -> {
            log.error("Unexpected error serving {}", request.getDescription(false), exception);
            return problem(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; the request id in the "
                    + RequestIdFilter.HEADER + " header finds it in the log", Map.of());
        });
    }

    /** Axon and the event processors may wrap the exception that matters; look through the whole chain. */
    private Optional<ResponseEntity<Object>> knownCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            Optional<ResponseEntity<Object>> known = known(cause);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    private Optional<ResponseEntity<Object>> known(Throwable cause) {
        if (cause instanceof MultipartException) {
            return Optional.of(problem(ErrorCode.VALIDATION_FAILED, "The upload is not valid multipart/form-data",
                    Map.of()));
        }
        if (cause instanceof DomainException domain) {
            return Optional.of(problem(domain.code(), domain.getMessage(), domain.properties()));
        }
        if (cause instanceof AggregateNotFoundException) {
            return Optional.of(problem(ErrorCode.NOT_FOUND, "No entity with id " + ((AggregateNotFoundException) cause)
                    .getAggregateIdentifier(), Map.of()));
        }
        if (cause instanceof AggregateStreamCreationException) {
            return Optional.of(problem(ErrorCode.ALREADY_EXISTS, "An entity with this id exists or existed", Map.of()));
        }
        if (violatesEventStoreKey(cause)) {
            return Optional.of(problem(ErrorCode.VERSION_CONFLICT, "Another request created or changed one of these "
                    + "entities at the same time; nothing was applied. Run it again", Map.of()));
        }
        if (isSqlState(cause, DEADLOCK_DETECTED)) {
            return Optional.of(problem(ErrorCode.VERSION_CONFLICT, "Another request changed related entities at the "
                    + "same time; nothing was applied. Run it again", Map.of()));
        }
        if (cause instanceof ConcurrencyException) {
            return Optional.of(problem(ErrorCode.VERSION_CONFLICT, "The entity was changed by another request at the "
                    + "same time; read it again and reapply the change", Map.of()));
        }
        if (cause instanceof DuplicateKeyException || isSqlState(cause, UNIQUE_VIOLATION)) {
            return Optional.of(problem(ErrorCode.DUPLICATE_NAME, "Another entity of this type took the same name at "
                    + "the same time", Map.of()));
        }
        if (cause instanceof DataIntegrityViolationException || isSqlState(cause, FOREIGN_KEY_VIOLATION)) {
            return Optional.of(problem(ErrorCode.IN_USE, "A referenced entity was changed or deleted at the same "
                    + "time; read the configuration again and retry", Map.of()));
        }
        return Optional.empty();
    }

    /**
     * A restore's events are sent in batches (see {@code RestoreBatchingEventStorageEngine}): an entity changed by
     * another transaction meanwhile shows as the event store's unique key refusing the batch, not as Axon's
     * {@link ConcurrencyException}.
     */
    private static boolean violatesEventStoreKey(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            for (Throwable sql = cause; sql instanceof SQLException e; sql = e.getNextException()) {
                if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                        && EVENT_STORE_KEY.equals(psql.getServerErrorMessage().getConstraint())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSqlState(Throwable cause, String state) {
        return cause instanceof java.sql.SQLException sql && state.equals(sql.getSQLState());
    }

    /** Names the parameter, never the value: it may be a secret sent in the wrong place. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "a parameter";
        return problem(ErrorCode.VALIDATION_FAILED, "\"" + name + "\" has a value of the wrong form"
                + (ex.getRequiredType() != null ? "; expected " + ex.getRequiredType().getSimpleName() : ""), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return problem(ErrorCode.VALIDATION_FAILED, "The request body is missing or is not valid JSON", Map.of());
    }

    /** Spring's own errors (404 of an unknown path, 405, 415, ...) get a code by their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail detail
                && (detail.getProperties() == null || !detail.getProperties().containsKey("code"))) {
            detail.setProperty("code", codeFor(status).name());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ErrorCode.VALIDATION_FAILED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.TOO_LARGE;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }

    public static ResponseEntity<Object> problem(ErrorCode code, String message, Map<String, Object> properties) {
        ProblemDetail detail = ProblemDetail.forStatus(code.httpStatus());
        detail.setDetail(message);
        detail.setProperty("code", code.name());
        properties.forEach(detail::setProperty);
        return ResponseEntity.status(code.httpStatus()).body(detail);
    }
}
