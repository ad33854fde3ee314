package io.metabackup.query.chain;

import io.metabackup.query.history.StreamPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HexFormat;

/**
 * Recomputes the chain from the event store and compares it with the stored links. An edited event changes its
 * content; a deleted one leaves a link without an event; an inserted one (or one that committed below the chain
 * head) is an event without a link. Each is reported at its position.
 */
@Component
public class ChainVerifier {

    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final EventChain chain;
    private final StreamPositions positions;

    public ChainVerifier(JdbcTemplate jdbc, EventChain chain, StreamPositions positions) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.positions = positions;
    }

    /** Read-only transaction: PostgreSQL streams rows with a fetch size only inside one. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long head = positions.head();
        long chainHead = chain.head().map(ChainLink::position).orElse(0L);
        Walk walk = new Walk();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select c.position as chained, c.link as stored_link, d.*
                      from event_chain c
                      full join domain_event_entry d on d.global_index = c.position
                     where coalesce(c.position, d.global_index) <= ?
                     order by coalesce(c.position, d.global_index)""");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, chainHead);
            return statement;
        }, rs -> {
            if (walk.brokenAt != null) {
                return;
            }
            Long chained = (Long) rs.getObject("chained");
            Long stored = (Long) rs.getObject("global_index");
            if (chained == null) {
                walk.broken(stored, "an event that is not part of the chain (inserted, or committed late)");
            } else if (stored == null) {
                walk.broken(chained, "a chained event is missing from the event store");
            } else {
                ChainLink computed = EventContent.next(walk.last, stored, EventContent.of(rs));
                if (!computed.link().equals(HexFormat.of().formatHex(rs.getBytes("stored_link")))) {
                    walk.broken(stored, "the event's content does not match its link");
                } else {
                    walk.last = computed;
                    walk.count++;
                }
            }
        });
        ChainLink verified = walk.last;
        return new ChainVerification(walk.brokenAt == null, verified.position(), head,
                verified == ChainLink.GENESIS ? null : verified.link(), walk.brokenAt, walk.reason, walk.count);
    }

    private static final class Walk {
        ChainLink last = ChainLink.GENESIS;
        long count;
        Long brokenAt;
        String reason;

        void broken(long position, String why) {
            brokenAt = position;
            reason = why;
        }
    }
}
