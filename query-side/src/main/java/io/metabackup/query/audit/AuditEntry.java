package io.metabackup.query.audit;

import java.time.Instant;
import java.util.Map;

/** One line of the audit log. */
public record AuditEntry(long id, Instant at, String action, String outcome, String actorId, String actorName,
                         String target, Map<String, Object> details) {
}
