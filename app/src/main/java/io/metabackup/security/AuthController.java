package io.metabackup.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Sign in (JSON or form fields), sign out, and who am I. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final SessionLogin login;

    AuthController(SessionLogin login) {
        this.login = login;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> login(@RequestBody LoginRequest body, HttpServletRequest request,
                              HttpServletResponse response) {
        return signedIn(login.login(body.username(), body.password(), request, response));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> loginForm(@RequestParam(required = false) String username,
                                  @RequestParam(required = false) String password, HttpServletRequest request,
                                  HttpServletResponse response) {
        return signedIn(login.login(username, password, request, response));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        login.logout(request, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Map<String, Object> me() {
        AuthenticatedUser user = CurrentIdentity.user().orElseThrow();
        return identity(user, CurrentIdentity.permissions());
    }

    private static Map<String, Object> signedIn(SessionLogin.SignedIn signedIn) {
        Map<String, Object> body = identity(signedIn.user(), CurrentIdentity.permissions());
        body.put("csrfHeader", signedIn.csrf().getHeaderName());
        body.put("csrfToken", signedIn.csrf().getToken());
        return body;
    }

    private static Map<String, Object> identity(AuthenticatedUser user, Set<String> permissions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.userId());
        body.put("username", user.username());
        body.put("method", user.method());
        body.put("tokenId", user.tokenId());
        body.put("permissions", permissions);
        return body;
    }

    /** The password is a plain string only for as long as it takes to check it. */
    record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }
}
