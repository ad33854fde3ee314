package io.metabackup.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.metabackup.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/**
 * Refusals of the security filters, written like every other error ({@code application/problem+json} with a stable
 * code). The 401 is the same whatever went wrong (unknown user, wrong password, lock, bad token), so it tells an
 * attacker nothing. No Basic challenge: browsers would pop up a login box and then send the password by themselves.
 */
@Component
class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"metabackup\"");
        write(request, response, ErrorCode.UNAUTHORIZED, "Sign in, or send HTTP Basic credentials or an API token; "
                + "if you did, they were refused (wrong, locked, disabled, revoked or expired)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(request, response, ErrorCode.FORBIDDEN, exception instanceof CsrfException
                ? "A state-changing request in a session needs the CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN)"
                : "You lack the permission this request needs");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        ProblemDetail detail = ProblemDetail.forStatus(code.httpStatus());
        detail.setDetail(message);
        detail.setInstance(URI.create(request.getRequestURI()));
        detail.setProperty("code", code.name());
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), detail);
    }
}
