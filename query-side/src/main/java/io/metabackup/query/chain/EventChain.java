package io.metabackup.query.chain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The stored links of the hash chain over the event stream ({@code event_chain}). */
@Repository
public class EventChain {

    private static final RowMapper<ChainLink> LINK = (rs, i) ->
            new ChainLink(rs.getLong("position"), HexFormat.of().formatHex(rs.getBytes("link")));

    private final JdbcTemplate jdbc;

    public EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest link; empty before anything was chained. */
    public Optional<ChainLink> head() {
        return jdbc.query("select position, link from event_chain order by position desc limit 1", LINK)
                .stream().findFirst();
    }

    /**
     * The link of the last chained event at or before {@code position}: what a backup of the configuration at
     * that position records, so that a copy kept elsewhere anchors the history up to there. Its position may be
     * lower than asked for when the newest events are not chained yet (they are younger than the settle margin).
     */
    public Optional<ChainLink> chainHeadAt(long position) {
        return jdbc.query("select position, link from event_chain where position <= ? order by position desc limit 1",
                LINK, position).stream().findFirst();
    }

    void append(List<ChainLink> links) {
        jdbc.batchUpdate("insert into event_chain (position, link) values (?, ?)", links, links.size(),
                (statement, link) -> {
                    statement.setLong(1, link.position());
                    statement.setBytes(2, link.bytes());
                });
    }
}
