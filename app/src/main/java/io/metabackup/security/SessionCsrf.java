package io.metabackup.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Which requests must carry the CSRF token: the state-changing ones that come with a session cookie, because only
 * those can ride on a browser's ambient credentials. Requests that authenticate themselves (Basic, Bearer) cannot be
 * forged cross-site; requests without a session are not authenticated by one, and get a plain 401. Setup and login
 * run before any session exists.
 */
final class SessionCsrf implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SESSIONLESS_PATHS = Set.of("/api/setup", "/api/auth/login");

    @Override
    public boolean matches(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null
                && !SESSIONLESS_PATHS.contains(request.getRequestURI());
    }
}
