package io.metabackup.api.config;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** An OpenID Connect identity provider; its client secret is its only secret. */
public record SsoProviderState(String providerId,
                               String name,
                               String issuerUrl,
                               String clientId,
                               List<String> scopes,
                               Boolean enabled) implements EntityState {

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public SsoProviderState {
        scopes = scopes == null ? List.of("openid") : List.copyOf(scopes);
        enabled = enabled == null || enabled;
    }

    @Override
    public EntityType type() {
        return EntityType.SSO_PROVIDER;
    }

    @Override
    public String naturalKey() {
        return providerId;
    }

    @Override
    public List<Reference> references() {
        return List.of();
    }

    @Override
    public List<FieldError> validate() {
        return new Validation()
                .require(providerId != null && PROVIDER_ID.matcher(providerId).matches(), "providerId",
                        "must be 1-64 lower-case letters, digits or hyphens")
                .name("name", name)
                .require(isHttpUrl(issuerUrl), "issuerUrl", "must be an http(s) URL")
                .require(clientId != null && !clientId.isBlank(), "clientId", "must not be blank")
                .noDuplicates("scopes", scopes)
                .require(scopes.contains("openid"), "scopes", "must contain \"openid\"")
                .errors();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null && uri.getFragment() == null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
