package io.metabackup.security;

import io.metabackup.support.Api;
import io.metabackup.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, checked against what the application really maps: every handler method, for every HTTP method
 * it answers, must refuse a caller without credentials, except setup, login and health. A new endpoint that nobody
 * added to {@link EndpointPermissions} fails here, and so does one that the table opens by mistake.
 */
class EndpointWalkIT extends IntegrationTest {

    private static final Set<String> PUBLIC = Set.of("GET /api/setup", "POST /api/setup", "POST /api/auth/login");
    /** Gets past security to a 400 (or 409 for setup) without changing anything. */
    private static final String INVALID_BODY = "{\"unknown field\": true}";
    private static final List<RequestMethod> ALL_METHODS = List.of(RequestMethod.GET, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedEndpointRefusesAnonymousCallersExceptSetupLoginAndHealth() {
        List<String> endpoints = endpoints();
        assertThat(endpoints).as("the walk sees the application's endpoints")
                .contains("GET /api/config/{type}/{id}", "POST /api/tokens", "GET /api/audit", "POST /api/setup",
                        "GET /api/config/settings", "DELETE /api/tokens/{id}", "GET /error");

        List<String> open = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = filled(endpoint.substring(endpoint.indexOf(' ') + 1));
            Api.Response response = anonymous().send(method, path, method.equals("GET") ? null : INVALID_BODY, Map.of());
            if (PUBLIC.contains(endpoint)) {
                assertThat(response.status()).as("%s is public", endpoint).isNotEqualTo(401);
                continue;
            }
            if (response.status() != 401 || !"UNAUTHORIZED".equals(response.code())
                    || !response.contentType().startsWith("application/problem+json")) {
                open.add(endpoint + " -> " + response.status());
            }
        }
        assertThat(open).as("endpoints reachable without authentication").isEmpty();
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(anonymous().get("/no/such/path").status()).isEqualTo(401);
    }

    /** The other half of the table's promise: everything it maps is open to someone (the administrator). */
    @Test
    void theAdministratorPassesSecurityOnEveryApiEndpoint() {
        List<String> closed = new ArrayList<>();
        for (String endpoint : endpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = filled(endpoint.substring(endpoint.indexOf(' ') + 1));
            if (!path.startsWith("/api/") || path.equals("/api/auth/logout")) {
                continue; // /error is denied on direct calls; logging the shared client out is pointless
            }
            Api.Response response = api().send(method, path, method.equals("GET") ? null : INVALID_BODY, Map.of());
            if (response.status() == 401 || "FORBIDDEN".equals(response.code())) {
                closed.add(endpoint + " -> " + response.status() + " " + response.body());
            }
        }
        assertThat(closed).as("endpoints the table forgot (denied even to the administrator)").isEmpty();
    }

    private List<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? EnumSet.copyOf(ALL_METHODS) : methods) {
                for (String pattern : info.getPatternValues()) {
                    endpoints.add(method + " " + pattern);
                }
            }
        }
        return List.copyOf(endpoints);
    }

    /** Path variables get harmless values: a real type where a type goes, a fresh UUID elsewhere. */
    private static String filled(String pattern) {
        return pattern.replace("{type}", "adapters").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
