package io.metabackup.query.chain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing the chain.
 *
 * @param verifiedUpTo the last position whose link was recomputed and matched
 * @param head         the newest position in the event store; events after the chain head are not chained yet
 * @param headLink     the matching link at {@code verifiedUpTo}, to compare with the one a backup recorded
 * @param brokenAt     the first position where the stored history no longer matches its chain
 * @param reason       why it breaks there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean intact, long verifiedUpTo, long head, String headLink, Long brokenAt,
                                String reason, long chainedEvents) {
}
