package io.metabackup.audit;

import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.query.audit.AuditLog;
import io.metabackup.query.audit.AuditPage;
import io.metabackup.query.audit.AuditQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The audit log, newest first: {@code GET /api/audit?actor=&action=&from=&to=&page=&size=}. */
@RestController
class AuditController {

    private static final int MAX_SIZE = 500;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/audit")
    AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "page must be 0 or more and size 1 to " + MAX_SIZE);
        }
        return log.search(new AuditQuery(blankToNull(actor), blankToNull(action), instant("from", from),
                instant("to", to), page, size));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, name + " must be an ISO-8601 instant such as "
                    + "2024-01-15T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
