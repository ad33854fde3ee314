package io.metabackup.api.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.metabackup.api.config.Samples.fields;
import static org.assertj.core.api.Assertions.assertThat;

class SsoProviderStateTest {

    private static SsoProviderState withProviderId(String providerId) {
        return new SsoProviderState(providerId, "IdP", "https://idp.example.com", "client", null, null);
    }

    private static SsoProviderState withIssuer(String issuerUrl) {
        return new SsoProviderState("idp", "IdP", issuerUrl, "client", null, null);
    }

    @Test
    void theCompactConstructorAppliesDefaults() {
        SsoProviderState provider = withIssuer("https://accounts.google.com");

        assertThat(provider.scopes()).containsExactly("openid");
        assertThat(provider.enabled()).isTrue();
        assertThat(provider.validate()).isEmpty();
    }

    @Test
    void explicitValuesAreKept() {
        SsoProviderState provider = Samples.ssoProvider();

        assertThat(provider.scopes()).containsExactly("openid", "email", "profile");
        assertThat(provider.enabled()).isFalse();
        assertThat(provider.validate()).isEmpty();
        assertThat(provider.type()).isEqualTo(EntityType.SSO_PROVIDER);
        assertThat(provider.naturalKey()).isEqualTo("corp-idp");
        assertThat(provider.references()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "corp-idp", "a", "0", "idp2",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void providerIdsAreLowerCaseSlugs(String providerId) {
        assertThat(withProviderId(providerId).validate()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Google", "-idp", "my_idp", "my idp", "idp.example", "idp/x",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void otherProviderIdsAreRefused(String providerId) {
        assertThat(fields(withProviderId(providerId).validate())).containsExactly("providerId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://accounts.google.com", "https://login.example.com/realms/corp",
            "http://localhost:8080/realms/test", "https://idp.example.com:8443/"})
    void issuerMayBeAnHttpOrHttpsUrl(String issuerUrl) {
        assertThat(withIssuer(issuerUrl).validate()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"accounts.google.com", "ftp://idp.example.com", "file:///etc/passwd", "javascript:alert(1)",
            "ldap://idp.example.com", "https://", "https:///realms/x", "not a url", "https://exa mple.com",
            "mailto:admin@example.com"})
    void issuerThatIsNotAnHttpUrlIsRefused(String issuerUrl) {
        assertThat(withIssuer(issuerUrl).validate())
                .containsExactly(new FieldError("issuerUrl", "must be an http(s) URL"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void clientIdMustNotBeBlank(String clientId) {
        SsoProviderState provider = new SsoProviderState("idp", "IdP", "https://idp.example.com", clientId, null, null);

        assertThat(provider.validate()).containsExactly(new FieldError("clientId", "must not be blank"));
    }

    @Test
    void nameIsRequired() {
        SsoProviderState provider = new SsoProviderState("idp", "", "https://idp.example.com", "c", null, null);

        assertThat(fields(provider.validate())).containsExactly("name");
    }

    @Test
    void scopesMustNotRepeat() {
        SsoProviderState provider = new SsoProviderState("idp", "IdP", "https://idp.example.com", "c",
                List.of("openid", "email", "openid"), null);

        assertThat(provider.validate()).containsExactly(new FieldError("scopes", "must not contain duplicates"));
    }

    @Test
    void everyBrokenRuleIsReported() {
        SsoProviderState provider = new SsoProviderState(null, null, null, null, List.of("a", "a"), null);

        assertThat(fields(provider.validate()))
                .containsExactly("providerId", "name", "issuerUrl", "clientId", "scopes", "scopes");
    }

    @Test
    void scopesMustIncludeOpenidAndTheIssuerMayNotCarryCredentials() {
        assertThat(fields(new SsoProviderState("idp", "IdP", "https://idp.example", "c", List.of("email"), true)
                .validate())).containsExactly("scopes");
        assertThat(fields(new SsoProviderState("idp", "IdP", "https://u:p@idp.example", "c", null, true).validate()))
                .containsExactly("issuerUrl");
        assertThat(new SsoProviderState("idp", "IdP", "HTTPS://idp.example", "c", null, true).validate()).isEmpty();
    }
}
