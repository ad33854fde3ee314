package io.metabackup.query.audit;

import java.time.Instant;

/**
 * Filters of the audit log; {@code null} means "any".
 *
 * @param actor an actor's id or name (ignoring case)
 * @param from  inclusive
 * @param to    exclusive
 * @param page  0-based
 */
public record AuditQuery(String actor, String action, Instant from, Instant to, int page, int size) {
}
