package io.metabackup.security;

import io.metabackup.support.Api;
import io.metabackup.support.Entities;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser sessions: the cookies' flags, CSRF on state-changing requests, and changes that apply at once. */
class SessionLoginIT extends IntegrationTest {

    @Test
    void aSessionCookieIsSecureHttpOnlyAndStrictAndStateChangesNeedTheCsrfToken() {
        TestUser user = user("groups:read", "groups:write");
        Api.Response login = anonymous().post("/api/auth/login", Map.of("username", user.username().toUpperCase(),
                "password", user.password()));
        assertThat(login.status()).as("usernames are matched ignoring case: %s", login.body()).isEqualTo(200);
        assertThat(login.body().path("username").asText()).isEqualTo(user.username());
        assertThat(login.body().path("permissions").toString()).isEqualTo("[\"groups:read\",\"groups:write\"]");

        String sessionCookie = cookie(login, "JSESSIONID");
        assertThat(sessionCookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String csrfCookie = cookie(login, "XSRF-TOKEN");
        assertThat(csrfCookie).contains("Secure").containsIgnoringCase("SameSite=Strict").doesNotContain("HttpOnly");
        String csrf = login.body().path("csrfToken").asText();
        assertThat(value(csrfCookie)).isEqualTo(csrf);

        Api session = anonymous().withHeader("Cookie", "JSESSIONID=" + value(sessionCookie) + "; XSRF-TOKEN=" + csrf);
        Api.Response me = session.get("/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("method").asText()).isEqualTo("SESSION");

        Map<String, Object> group = Map.of("name", Entities.unique("session-group"));
        Api.Response withoutToken = session.post("/api/config/groups", group);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.code()).isEqualTo("FORBIDDEN");
        assertThat(withoutToken.body().path("detail").asText()).contains("CSRF");
        Api.Response wrongToken = session.send("POST", "/api/config/groups", group, Map.of("X-XSRF-TOKEN", "forged"));
        assertThat(wrongToken.status()).isEqualTo(403);
        Api.Response withToken = session.send("POST", "/api/config/groups", group, Map.of("X-XSRF-TOKEN", csrf));
        assertThat(withToken.status()).isEqualTo(201);

        assertThat(session.send("POST", "/api/auth/logout", null, Map.of("X-XSRF-TOKEN", csrf)).status())
                .isEqualTo(204);
        assertThat(session.get("/api/auth/me").status()).as("the session ended with the logout").isEqualTo(401);
    }

    @Test
    void formFieldsLogInTooAndAWrongPasswordGetsA401() {
        TestUser user = user("adapters:read");
        String form = "username=" + enc(user.username()) + "&password=" + enc(user.password());
        Api.Response login = anonymous().send("POST", "/api/auth/login", form,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(cookie(login, "JSESSIONID")).isNotNull();

        Api.Response wrong = anonymous().post("/api/auth/login", Map.of("username", user.username(),
                "password", "not the password"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("UNAUTHORIZED");
        assertThat(wrong.header("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void disablingAUserOrWithdrawingAPermissionTakesEffectOnTheNextRequestOfItsSession() {
        TestUser user = user("groups:read", "adapters:read");
        Api session = login(user);
        assertThat(session.get("/api/config/groups").status()).isEqualTo(200);

        assertThat(api().put("/api/config/groups/" + user.groupId(), Map.of("name",
                api().get("/api/config/groups/" + user.groupId()).body().path("name").asText(),
                "permissions", List.of("adapters:read"))).status()).isEqualTo(200);
        assertThat(session.get("/api/config/groups").status()).isEqualTo(403);
        assertThat(session.get("/api/config/adapters").status()).isEqualTo(200);

        Map<String, Object> disabled = new LinkedHashMap<>();
        disabled.put("username", user.username());
        disabled.put("groupIds", List.of(user.groupId()));
        disabled.put("enabled", false);
        assertThat(api().put("/api/config/users/" + user.id(), disabled).status()).isEqualTo(200);
        assertThat(session.get("/api/config/adapters").status()).isEqualTo(401);
        assertThat(user.api().get("/api/config/adapters").status()).as("Basic too").isEqualTo(401);
    }

    private Api login(TestUser user) {
        Api.Response login = anonymous().post("/api/auth/login", Map.of("username", user.username(),
                "password", user.password()));
        assertThat(login.status()).isEqualTo(200);
        return anonymous().withHeader("Cookie", "JSESSIONID=" + value(cookie(login, "JSESSIONID")));
    }

    private static String cookie(Api.Response response, String name) {
        return response.header("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b)
                .orElse(null);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
