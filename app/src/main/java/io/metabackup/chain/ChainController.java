package io.metabackup.chain;

import io.metabackup.history.HistoryProperties;
import io.metabackup.query.chain.ChainSealer;
import io.metabackup.query.chain.ChainVerification;
import io.metabackup.query.chain.ChainVerifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/verify}: first chains what has settled since the last round, then recomputes the whole
 * chain from the event store and reports whether it is intact and up to where, or where it breaks.
 */
@RestController
class ChainController {

    private final ChainSealer sealer;
    private final ChainVerifier verifier;
    private final HistoryProperties properties;

    ChainController(ChainSealer sealer, ChainVerifier verifier, HistoryProperties properties) {
        this.sealer = sealer;
        this.verifier = verifier;
        this.properties = properties;
    }

    @GetMapping("/api/audit/verify")
    ChainVerification verify() {
        sealer.seal(properties.settleMargin());
        return verifier.verify();
    }
}
