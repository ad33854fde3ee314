package io.metabackup.security;

import io.metabackup.api.config.Permission;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.token.CreateApiTokenCommand;
import io.metabackup.api.token.RevokeApiTokenCommand;
import io.metabackup.query.token.ApiTokenView;
import io.metabackup.query.token.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * API tokens of the signed-in user. The value is in the creation response and nowhere else, ever; lists show
 * names, permissions and dates. With tokens:admin, every user's tokens can be listed and revoked.
 */
@RestController
@RequestMapping("/api/tokens")
class TokenController {

    private final CommandGateway commands;
    private final ApiTokens tokens;

    TokenController(CommandGateway commands, ApiTokens tokens) {
        this.commands = commands;
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateTokenRequest request) {
        AuthenticatedUser user = CurrentIdentity.user().orElseThrow();
        if (user.method() == AuthenticatedUser.Method.TOKEN) {
            // a token minting tokens could outlive its own revocation or expiry
            throw new DomainException(ErrorCode.FORBIDDEN, "Tokens are created by signing in with a password "
                    + "(session or HTTP Basic), not with another token");
        }
        Set<String> requested = new TreeSet<>(request.permissions() == null ? List.of() : request.permissions());
        Set<String> beyond = new TreeSet<>(requested);
        beyond.removeAll(CurrentIdentity.permissions());
        beyond.removeIf(code -> Permission.fromCode(code).isEmpty()); // unknown codes: the aggregate names them
        if (!beyond.isEmpty()) {
            // a token (or a session) cannot mint a token stronger than itself
            throw new DomainException(ErrorCode.FORBIDDEN, "A token cannot hold permissions this request lacks: "
                    + beyond);
        }
        UUID id = UUID.randomUUID();
        String value = TokenValues.generate();
        commands.sendAndWait(new CreateApiTokenCommand(id, user.userId(), request.name(), TokenValues.hash(value),
                requested, request.expiresAt()));
        Map<String, Object> body = view(tokens.find(id).orElseThrow());
        body.put("token", value);
        return ResponseEntity.created(URI.create("/api/tokens/" + id)).body(body);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        AuthenticatedUser user = CurrentIdentity.user().orElseThrow();
        List<ApiTokenView> visible = seesAll() ? tokens.all() : tokens.ownedBy(user.userId());
        return visible.stream().map(TokenController::view).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        AuthenticatedUser user = CurrentIdentity.user().orElseThrow();
        tokens.find(id).filter(token -> token.ownerId().equals(user.userId()) || seesAll())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No API token with id " + id));
        commands.sendAndWait(new RevokeApiTokenCommand(id));
        return ResponseEntity.noContent().build();
    }

    private static boolean seesAll() {
        return CurrentIdentity.permissions().contains(Permission.TOKENS_ADMIN.code());
    }

    private static Map<String, Object> view(ApiTokenView token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", token.id());
        body.put("ownerId", token.ownerId());
        body.put("name", token.name());
        body.put("permissions", token.permissions());
        body.put("createdAt", token.createdAt());
        body.put("expiresAt", token.expiresAt());
        body.put("revokedAt", token.revokedAt());
        return body;
    }

    record CreateTokenRequest(String name, List<String> permissions, Instant expiresAt) {
    }
}
