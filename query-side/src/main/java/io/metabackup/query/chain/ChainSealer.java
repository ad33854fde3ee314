package io.metabackup.query.chain;

import io.metabackup.query.history.SettledPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extends the hash chain over the events that have settled (see {@link SettledPositions}): a position that a still
 * open transaction may yet fill is never skipped over, so a late commit cannot leave an event outside the chain.
 * Instances that seal at the same moment take turns through an advisory lock; whoever comes second finds the
 * work done.
 */
@Component
public class ChainSealer {

    /** Arbitrary but fixed: names the chain-sealing lock among PostgreSQL advisory locks. */
    private static final long LOCK = 0x6D62_6368_6169_6EL;
    private static final int BATCH = 2_000;

    private final JdbcTemplate jdbc;
    private final EventChain chain;
    private final SettledPositions settled;

    public ChainSealer(JdbcTemplate jdbc, EventChain chain, SettledPositions settled) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.settled = settled;
    }

    /** Chains every settled event not chained yet; returns the chain head afterwards. */
    @Transactional
    public Optional<ChainLink> seal(Duration margin) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, LOCK);
        ChainLink last = chain.head().orElse(ChainLink.GENESIS);
        long upTo = settled.head(margin);
        while (last.position() < upTo) {
            List<ChainLink> links = next(last, upTo);
            if (links.isEmpty()) {
                break;
            }
            chain.append(links);
            last = links.get(links.size() - 1);
        }
        return chain.head();
    }

    private List<ChainLink> next(ChainLink last, long upTo) {
        List<ChainLink> links = new ArrayList<>();
        ChainLink[] previous = {last};
        jdbc.query("select " + EventContent.COLUMNS + " from domain_event_entry"
                        + " where global_index > ? and global_index <= ? order by global_index limit " + BATCH,
                rs -> {
                    previous[0] = EventContent.next(previous[0], rs.getLong("global_index"), EventContent.of(rs));
                    links.add(previous[0]);
                }, last.position(), upTo);
        return links;
    }
}
