package io.metabackup.security;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.audit.AuditOutcome;
import io.metabackup.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <token>} for this request only (nothing is kept in a session). An
 * unusable token ends the request with 401 instead of falling back to anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TokenAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;
    private final AuditTrail audit;

    BearerTokenFilter(TokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint, AuditTrail audit) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> authentication = authenticator.authenticate(header.substring(BEARER.length()).trim());
        if (authentication.isEmpty()) {
            SecurityContextHolder.clearContext();
            audit.record(AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE, null,
                    Map.of("method", "TOKEN", "address", request.getRemoteAddr()));
            entryPoint.commence(request, response, new BadCredentialsException("unusable API token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
