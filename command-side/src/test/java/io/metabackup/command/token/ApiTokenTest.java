package io.metabackup.command.token;

import io.metabackup.api.config.GroupState;
import io.metabackup.api.config.UserState;
import io.metabackup.api.error.DomainException;
import io.metabackup.api.error.ErrorCode;
import io.metabackup.api.token.ApiTokenCreatedEvent;
import io.metabackup.api.token.ApiTokenRevokedEvent;
import io.metabackup.api.token.CreateApiTokenCommand;
import io.metabackup.api.token.RevokeApiTokenCommand;
import io.metabackup.command.config.InMemoryConfigIndex;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

class ApiTokenTest {

    private static final String HASH = "ab".repeat(32);

    private final UUID tokenId = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final UUID readers = UUID.randomUUID();
    private FixtureConfiguration<ApiToken> fixture;
    private InMemoryConfigIndex index;

    @BeforeEach
    void setUp() {
        index = new InMemoryConfigIndex();
        index.add(readers, new GroupState("readers", List.of("adapters:read", "jobs:read", "tokens:manage")));
        index.add(owner, new UserState("owner", null, null, List.of(readers), true));
        fixture = new AggregateTestFixture<>(ApiToken.class);
        fixture.registerInjectableResource(index);
    }

    @Test
    void aTokenHoldsASubsetOfItsOwnersPermissionsAndOnlyTheHash() {
        Instant expiry = Instant.now().plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", HASH, Set.of("jobs:read", "adapters:read"), expiry))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ApiTokenCreatedEvent(tokenId, owner, "ci", HASH, List.of("adapters:read", "jobs:read"),
                        expiry));
    }

    @Test
    void aTokenCannotHoldAPermissionItsOwnerLacks() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", HASH, Set.of("jobs:read", "jobs:write"), null))
                .expectException(refusal(ErrorCode.FORBIDDEN))
                .expectExceptionMessage(containsString("jobs:write"))
                .expectNoEvents();
    }

    @Test
    void aDisabledOrUnknownUserCannotOwnTokens() {
        index.add(owner, new UserState("owner", null, null, List.of(readers), false));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", HASH, Set.of("jobs:read"), null))
                .expectException(refusal(ErrorCode.FORBIDDEN));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, UUID.randomUUID(), "ci", HASH, Set.of("jobs:read"), null))
                .expectException(refusal(ErrorCode.FORBIDDEN));
    }

    @Test
    void refusesAnExpiryInThePastNoPermissionsUnknownPermissionsABlankNameAndAMalformedHash() {
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", HASH, Set.of("jobs:read"),
                        Instant.now().minus(Duration.ofHours(1))))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage(containsString("expiresAt"));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", HASH, Set.of(), null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", HASH, Set.of("jobs:execute"), null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, " ", HASH, Set.of("jobs:read"), null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new CreateApiTokenCommand(tokenId, owner, "ci", "mbk_plaintext", Set.of("jobs:read"), null))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void revokingRecordsTheRevocationOnce() {
        ApiTokenCreatedEvent created = new ApiTokenCreatedEvent(tokenId, owner, "ci", HASH, List.of("jobs:read"), null);
        fixture.given(created)
                .when(new RevokeApiTokenCommand(tokenId))
                .expectEvents(new ApiTokenRevokedEvent(tokenId, owner, "ci"));
        fixture.given(created, new ApiTokenRevokedEvent(tokenId, owner, "ci"))
                .when(new RevokeApiTokenCommand(tokenId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static Matcher<DomainException> refusal(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("a DomainException with code " + code) {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.code() == code;
            }
        };
    }
}
