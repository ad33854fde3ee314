package io.metabackup.api.config;

/** One broken rule, named by the JSON field it concerns. */
public record FieldError(String field, String message) {
}
