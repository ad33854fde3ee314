package io.metabackup.query.audit;

import java.util.List;

/** One page of the audit log, newest first, and how many entries match in all. */
public record AuditPage(List<AuditEntry> items, long total, int page, int size) {
}
