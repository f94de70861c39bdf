package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verified tokens remembered between requests: per-endpoint audience, no second verification, a bound, and expiry. */
class VerifiedTokensTest {

    private static final String MCP = AccessTokenVerifierTest.ISSUER + "/mcp";
    private static final String SSE = AccessTokenVerifierTest.ISSUER + "/sse";

    private final SigningKeys keys = SigningKeysTest.signingKeys(new SigningKeysTest.KeysInMemory(), 30);
    private final CountingVerifier verifier = new CountingVerifier(AccessTokenVerifierTest.verifier(keys));
    private final VerifiedTokens tokens = new VerifiedTokens();
    private final Instant now = Instant.now();

    /** The real verifier, counting the verifications it does. */
    static final class CountingVerifier extends AccessTokenVerifier {
        int verifications;

        CountingVerifier(AccessTokenVerifier real) {
            keys = real.keys;
            settings = real.settings;
            resources = real.resources;
        }

        @Override
        public Optional<AccessToken> verify(String token) {
            verifications++;
            return super.verify(token);
        }
    }

    VerifiedTokensTest() {
        tokens.verifier = verifier;
        tokens.settings = verifier.settings;
    }

    @Test
    void aTokenIsVerifiedOnceAndThenFoundForItsOwnEndpointOnly() {
        String token = keys.sign(AccessTokenVerifierTest.claims(now, "mcp").build());
        AccessToken first = tokens.accepted(token, MCP);
        assertNotNull(first);
        assertSame(first, tokens.accepted(token, MCP));
        assertSame(first, tokens.accepted(token, MCP));
        assertEquals(1, verifier.verifications, "found, not verified again");
        assertNull(tokens.accepted(token, SSE), "RFC 8707: a token for /mcp does not open /sse");
        assertEquals(1, verifier.verifications);

        String sseToken = keys.sign(AccessTokenVerifierTest.claims(now, "sse").build());
        assertNull(tokens.accepted(sseToken, MCP), "nor one for /sse /mcp");
        assertNotNull(tokens.accepted(sseToken, SSE));
    }

    @Test
    void refusedTokensAreNotRememberedAndOversizeOnesNotEvenVerified() {
        assertNull(tokens.accepted("not-a-jwt", MCP));
        assertNull(tokens.accepted("not-a-jwt", MCP));
        assertEquals(2, verifier.verifications);
        assertEquals(0, tokens.size());
        assertNull(tokens.accepted("x".repeat(8193), MCP));
        assertEquals(2, verifier.verifications, "longer than oauth.access-token-max-length: refused before any work");
    }

    @Test
    void atMostTheConfiguredNumberOfTokensAreRemembered() {
        verifier.settings.verifiedTokensMax = 8;
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            issued.add(keys.sign(AccessTokenVerifierTest.claims(now, "mcp").jwtID("jti-" + i).build()));
            assertNotNull(tokens.accepted(issued.get(i), MCP));
            assertTrue(tokens.size() <= 8, tokens.size() + " remembered");
        }
        for (String token : issued) {
            assertNotNull(tokens.accepted(token, MCP), "a forgotten token is verified again, and accepted");
        }
        assertTrue(tokens.size() <= 8);

        verifier.settings.verifiedTokensMax = 0;
        VerifiedTokens none = new VerifiedTokens();
        none.verifier = verifier;
        none.settings = verifier.settings;
        assertNotNull(none.accepted(issued.get(0), MCP));
        assertEquals(0, none.size(), "0 turns remembering off");
    }

    @Test
    void anExpiredTokenIsForgottenNotServedFromMemory() {
        String token = keys.sign(AccessTokenVerifierTest.claims(now, "mcp").expirationTime(java.util.Date.from(now.plusSeconds(60))).build());
        assertNotNull(tokens.accepted(token, MCP));
        assertEquals(1, tokens.size());

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(60 + 30 + 1));
        tokens.clock = later;
        verifier.clock = later;
        assertNull(tokens.accepted(token, MCP), "past its expiry plus the skew");
        assertEquals(0, tokens.size(), "and gone from memory");
    }

    @Test
    void whenFullExpiredTokensGoFirst() {
        verifier.settings.verifiedTokensMax = 4;
        String shortLived = keys.sign(AccessTokenVerifierTest.claims(now, "mcp").expirationTime(java.util.Date.from(now.plusSeconds(5))).build());
        assertNotNull(tokens.accepted(shortLived, MCP));
        List<String> longLived = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            longLived.add(keys.sign(AccessTokenVerifierTest.claims(now, "mcp").jwtID("long-" + i).build()));
            tokens.accepted(longLived.get(i), MCP);
        }
        tokens.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(60));
        verifier.clock = tokens.clock;
        assertNotNull(tokens.accepted(keys.sign(AccessTokenVerifierTest.claims(now, "mcp").jwtID("new").build()), MCP));
        int before = verifier.verifications;
        longLived.forEach(token -> assertNotNull(tokens.accepted(token, MCP)));
        assertEquals(before, verifier.verifications, "the expired token made room; the live ones stayed");
    }
}
