package io.metabackup.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * A session remembers who logged in, not what they may do: at every request the user is read again, so a user
 * disabled or deleted since is logged out at once and changed permissions apply from the next request.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    SessionRefreshFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof AuthenticatedUser user
                && user.method() == AuthenticatedUser.Method.SESSION) {
            Optional<Account> account = accounts.byId(user.userId()).filter(Account::enabled);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (account.isPresent()) {
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        Authorities.of(account.get().permissions())));
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
