package io.metabackup.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the audit log with filters, newest first. */
@Repository
public class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public AuditPage search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (query.actor() != null) {
            where.append(" and (actor_id = ? or lower(actor_name) = lower(?))");
            args.add(query.actor());
            args.add(query.actor());
        }
        if (query.action() != null) {
            where.append(" and action = ?");
            args.add(query.action());
        }
        if (query.from() != null) {
            where.append(" and at >= ?");
            args.add(query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" and at < ?");
            args.add(query.to().atOffset(ZoneOffset.UTC));
        }
        Long total = jdbc.queryForObject("select count(*) from audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<AuditEntry> items = jdbc.query("select * from audit_log" + where
                + " order by at desc, id desc limit ? offset ?", this::map, pageArgs.toArray());
        return new AuditPage(items, total == null ? 0 : total, query.page(), query.size());
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        try {
            return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("action"),
                    rs.getString("outcome"), rs.getString("actor_id"), rs.getString("actor_name"),
                    rs.getString("target"), json.readValue(rs.getString("details"), DETAILS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit entry " + rs.getLong("id"), e);
        }
    }
}
