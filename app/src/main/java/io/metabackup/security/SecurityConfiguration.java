package io.metabackup.security;

import io.metabackup.audit.AuditTrail;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Deny by default: {@link EndpointPermissions} opens what it lists, nothing else. Identities come from a session
 * (POST /api/auth/login), HTTP Basic or an API token; permissions are resolved afresh on every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(PasswordAuthenticationProvider passwords) {
        return new ProviderManager(passwords);
    }

    /** Readable by the browser client (not HttpOnly), which echoes it in the X-XSRF-TOKEN header. */
    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Strict").path("/"));
        return repository;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ProblemWriter problems,
                            CookieCsrfTokenRepository csrfTokens, TokenAuthenticator tokens, Accounts accounts,
                            AuditTrail audit) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> {
                    // an error page is rendered for a request that was already authorised (or refused)
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    EndpointPermissions.apply(requests);
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, problems, audit), BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionRefreshFilter(accounts), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new SessionCsrf()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }
}
