package io.metabackup.query.history;

import io.metabackup.api.audit.ChangeSource;
import io.metabackup.api.config.EntityType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which history entries a query wants; every criterion is optional, {@code from} inclusive, {@code to} exclusive. */
public record HistoryFilter(EntityType type, UUID entityId, String actor, ChangeSource source, HistoryAction action,
                            Instant from, Instant to) {

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null, null, null, null, null);
    }

    /** The SQL condition (beginning with {@code where} when there is one) and its arguments. */
    Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        add(conditions, args, "entity_type = ?", type == null ? null : type.path());
        add(conditions, args, "entity_id = ?", entityId);
        add(conditions, args, "actor_id = ?", actor);
        add(conditions, args, "source = ?", source == null ? null : source.name());
        add(conditions, args, "action = ?", action == null ? null : action.name());
        add(conditions, args, "event_time >= ?", from == null ? null : java.sql.Timestamp.from(from));
        add(conditions, args, "event_time < ?", to == null ? null : java.sql.Timestamp.from(to));
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), args.toArray());
    }

    private static void add(List<String> conditions, List<Object> args, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            args.add(value);
        }
    }

    record Where(String sql, Object[] args) {
    }
}
