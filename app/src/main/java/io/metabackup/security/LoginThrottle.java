package io.metabackup.security;

import io.metabackup.MetabackupProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Counts failed logins per account name and per client address in PostgreSQL, so that every instance on the same
 * database sees the same count. Names are counted whether or not such an account exists, so a lock does not tell.
 */
@Component
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final MetabackupProperties.Login limits;
    private final Clock clock;

    @Autowired
    public LoginThrottle(JdbcTemplate jdbc, MetabackupProperties properties) {
        this(jdbc, properties.login(), Clock.systemUTC());
    }

    LoginThrottle(JdbcTemplate jdbc, MetabackupProperties.Login limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** Too many recent failures for this account name or from this address. */
    public boolean isLocked(String username, String address) {
        Instant since = clock.instant().minus(limits.window());
        return count("lower(username) = lower(?)", username, since) >= limits.maxFailuresPerAccount()
                || count("address = ?", address, since) >= limits.maxFailuresPerAddress();
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        jdbc.update("insert into login_failure (username, address, failed_at) values (?, ?, ?)",
                username, address, now.atOffset(ZoneOffset.UTC));
        // failures older than the window count for nothing any more
        jdbc.update("delete from login_failure where failed_at < ?", now.minus(limits.window()).atOffset(ZoneOffset.UTC));
    }

    /** A successful login forgives the account's earlier failures (not the address's). */
    public void recordSuccess(String username) {
        jdbc.update("delete from login_failure where lower(username) = lower(?)", username);
    }

    private long count(String condition, String value, Instant since) {
        Long count = jdbc.queryForObject("select count(*) from login_failure where " + condition + " and failed_at >= ?",
                Long.class, value, since.atOffset(ZoneOffset.UTC));
        return count == null ? 0 : count;
    }
}
