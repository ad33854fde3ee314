package io.metabackup.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The identity of the request being served on this thread, as the security filters established it. */
public final class CurrentIdentity {

    private CurrentIdentity() {
    }

    public static Optional<AuthenticatedUser> user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** The permission codes this request may use (for a token: the token's, cut to what its owner still holds). */
    public static Set<String> permissions() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> codes = new TreeSet<>();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser) {
            authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(codes::add);
        }
        return codes;
    }

    /** For rules that depend on the request body, which the endpoint table cannot see. */
    public static void require(io.metabackup.api.config.Permission permission, String action) {
        if (!permissions().contains(permission.code())) {
            throw new io.metabackup.api.error.DomainException(io.metabackup.api.error.ErrorCode.FORBIDDEN,
                    action + " needs the permission " + permission.code());
        }
    }
}
