package io.metabackup.api.config;

/** How many backups of a job to keep; {@code keepLast == null} keeps every backup. */
public record Retention(Integer keepLast) {
}
