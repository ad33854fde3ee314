package io.metabackup.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.List;

/** Permission codes are the granted authorities, one for one, so the endpoint table can name them directly. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(Collection<String> permissions) {
        return permissions.stream().sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }
}
