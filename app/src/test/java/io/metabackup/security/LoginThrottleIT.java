package io.metabackup.security;

import io.metabackup.MetabackupProperties;
import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeated failures lock an account name or an address for a while, and no answer tells whether a user exists. */
class LoginThrottleIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fiveFailuresLockTheAccountAndTheLockLooksExactlyLikeAWrongPassword() {
        TestUser user = user("adapters:read");
        Api wrong = anonymous().basic(user.username(), "wrong password!");
        Api.Response firstRefusal = wrong.get("/api/config/adapters");
        for (int i = 1; i < 5; i++) {
            assertThat(wrong.get("/api/config/adapters").status()).isEqualTo(401);
        }
        Api.Response locked = user.api().get("/api/config/adapters");
        assertThat(locked.status()).as("the right password during the lock").isEqualTo(401);
        assertThat(locked.body()).isEqualTo(firstRefusal.body());
        assertThat(locked.header("WWW-Authenticate")).isEqualTo(firstRefusal.header("WWW-Authenticate"));
        Api.Response sessionLocked = anonymous().post("/api/auth/login", Map.of("username", user.username(),
                "password", user.password()));
        assertThat(sessionLocked.status()).isEqualTo(401);

        // the window passes (moved back in time here rather than waited for)
        jdbc.update("update login_failure set failed_at = failed_at - interval '1 hour' where lower(username) = lower(?)",
                user.username());
        assertThat(user.api().get("/api/config/adapters").status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPasswordAfterAboutTheSameWork() {
        TestUser known = user("adapters:read");
        String unknownName = Entities.unique("nobody");
        Api.Response knownWrong = anonymous().basic(known.username(), "wrong password!").get("/api/config/adapters");
        Api.Response unknown = anonymous().basic(unknownName, "wrong password!").get("/api/config/adapters");
        assertThat(unknown.status()).isEqualTo(knownWrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(knownWrong.body());
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo(knownWrong.header("WWW-Authenticate"));

        Api.Response loginKnown = anonymous().post("/api/auth/login", Map.of("username", known.username(),
                "password", "wrong password!"));
        Api.Response loginUnknown = anonymous().post("/api/auth/login", Map.of("username", unknownName,
                "password", "wrong password!"));
        assertThat(loginUnknown.status()).isEqualTo(loginKnown.status()).isEqualTo(401);
        assertThat(loginUnknown.body().path("detail")).isEqualTo(loginKnown.body().path("detail"));

        // an unknown name costs a password hash too: without it, it would answer many times faster
        long knownTime = medianNanos(anonymous().basic(known.username(), "wrong password?"));
        long unknownTime = medianNanos(anonymous().basic(Entities.unique("nobody"), "wrong password?"));
        assertThat((double) unknownTime).as("unknown %d ns vs known %d ns", unknownTime, knownTime)
                .isGreaterThan(knownTime * 0.4);
    }

    @Test
    void manyFailuresFromOneAddressLockItWhateverTheAccount() {
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        LoginThrottle throttle = new LoginThrottle(jdbc, new MetabackupProperties.Login(5, 3, Duration.ofMinutes(15)),
                Clock.fixed(Instant.now(), ZoneOffset.UTC));
        assertThat(throttle.isLocked("anyone", address)).isFalse();
        throttle.recordFailure(Entities.unique("a"), address);
        throttle.recordFailure(Entities.unique("b"), address);
        assertThat(throttle.isLocked("anyone", address)).isFalse();
        throttle.recordFailure(Entities.unique("c"), address);
        assertThat(throttle.isLocked("anyone", address)).isTrue();
        assertThat(throttle.isLocked("anyone", "198.51.100.1")).isFalse();

        LoginThrottle later = new LoginThrottle(jdbc, new MetabackupProperties.Login(5, 3, Duration.ofMinutes(15)),
                Clock.fixed(Instant.now().plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
        assertThat(later.isLocked("anyone", address)).as("the lock ends with the window").isFalse();
    }

    private static long medianNanos(Api client) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(client.get("/api/config/adapters").status()).isEqualTo(401);
            times.add(System.nanoTime() - start);
        }
        times.sort(Long::compare);
        return times.get(1);
    }
}
