package io.metabackup.setup;

import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** First-run setup: open only while the instance has no user at all. */
@RestController
@RequestMapping("/api/setup")
class SetupController {

    private final FirstAdminSetup setup;

    SetupController(FirstAdminSetup setup) {
        this.setup = setup;
    }

    @GetMapping
    Map<String, Boolean> status() {
        return Map.of("setupRequired", setup.isOpen());
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody SetupRequest request) {
        if (request == null || request.password() == null || request.password().isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "username, password and email are required");
        }
        UUID userId = setup.createFirstAdmin(request.username(), request.password(), request.email());
        return ResponseEntity.created(URI.create("/api/config/users/" + userId))
                .body(Map.of("id", userId, "username", request.username()));
    }

    /** The password is a plain string only for as long as it takes to hash it. */
    record SetupRequest(String username, String password, String email) {
        @Override
        public String toString() {
            return "SetupRequest[username=" + username + ", email=" + email + "]";
        }
    }
}
