package io.metabackup.query.token;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads API tokens: by the hash of a presented value, by owner, or all of them. */
@Repository
public class ApiTokens {

    private static final RowMapper<ApiTokenView> ROW = ApiTokens::map;

    private final JdbcTemplate jdbc;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiTokenView> findByHash(String tokenHash) {
        return jdbc.query("select * from api_token where token_hash = ?", ROW, tokenHash).stream().findFirst();
    }

    public Optional<ApiTokenView> find(UUID id) {
        return jdbc.query("select * from api_token where id = ?", ROW, id).stream().findFirst();
    }

    /** Newest first. */
    public List<ApiTokenView> ownedBy(UUID ownerId) {
        return jdbc.query("select * from api_token where owner_id = ? order by created_at desc, id", ROW, ownerId);
    }

    /** Newest first. */
    public List<ApiTokenView> all() {
        return jdbc.query("select * from api_token order by created_at desc, id", ROW);
    }

    private static ApiTokenView map(ResultSet rs, int row) throws SQLException {
        return new ApiTokenView(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), Arrays.asList((String[]) rs.getArray("permissions").getArray()),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
