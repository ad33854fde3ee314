package io.metabackup.security;

import io.metabackup.api.audit.AuditAction;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * Browser sign-in: checks the password like HTTP Basic does, then starts a fresh session (a new id, so a session id
 * planted before login is worthless) and a fresh CSRF token for it.
 */
@Service
class SessionLogin {

    private final AuthenticationManager authenticationManager;
    private final CookieCsrfTokenRepository csrfTokens;
    private final AuditTrail audit;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    SessionLogin(AuthenticationManager authenticationManager, CookieCsrfTokenRepository csrfTokens, AuditTrail audit) {
        this.authenticationManager = authenticationManager;
        this.csrfTokens = csrfTokens;
        this.audit = audit;
    }

    /** The signed-in identity and the CSRF token the client must echo on state-changing requests. */
    SignedIn login(String username, String password, HttpServletRequest request, HttpServletResponse response) {
        if (username == null || username.isBlank() || password == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "username and password are required");
        }
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
                password);
        attempt.setDetails(details.buildDetails(request));
        Authentication authenticated;
        try {
            authenticated = authenticationManager.authenticate(attempt);
        } catch (AuthenticationException e) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, PasswordAuthenticationProvider.REFUSAL);
        }
        AuthenticatedUser user = ((AuthenticatedUser) authenticated.getPrincipal()).as(AuthenticatedUser.Method.SESSION);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                authenticated.getAuthorities()));
        SecurityContextHolder.setContext(context);

        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true);
        sessions.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response);
        CsrfToken csrf = csrfTokens.generateToken(request);
        csrfTokens.saveToken(csrf, request, response);
        audit.record(AuditAction.LOGIN_SUCCEEDED, Map.of("method", "SESSION", "address", request.getRemoteAddr()));
        return new SignedIn(user, csrf);
    }

    void logout(HttpServletRequest request, HttpServletResponse response) {
        audit.record(AuditAction.LOGOUT, Map.of());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response);
    }

    record SignedIn(AuthenticatedUser user, CsrfToken csrf) {
    }
}
