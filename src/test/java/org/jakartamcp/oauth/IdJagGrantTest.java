package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The grant's own rules, over plain objects: offered only with a trusted provider, and the scope it grants. */
class IdJagGrantTest {

    @Test
    void withoutATrustedProviderTheGrantTypeIsUnsupported() {
        IdJagGrant grant = new IdJagGrant();
        grant.issuers = new TrustedIssuers();
        grant.issuers.settings = new IdJagSettings();
        grant.issuers.settings.issuers = Optional.empty();
        grant.issuers.readIssuers();
        assertFalse(grant.offered());
        OAuthException refused = assertThrows(OAuthException.class, () -> grant.redeem(null, "a.b.c", null, null));
        assertEquals("unsupported_grant_type", refused.error());
        assertTrue(refused.getMessage().contains("oauth.id-jag.issuers"), refused.getMessage());
    }

    @Test
    void aMalformedIssuerEntryIsIgnoredAndAGoodOneTrusted() {
        TrustedIssuers issuers = new TrustedIssuers();
        issuers.settings = new IdJagSettings();
        issuers.settings.issuers = Optional.of(List.of("http://idp.example.com", "https://idp.example.com https://idp.example.com/keys"));
        issuers.readIssuers();
        assertTrue(issuers.any());
        assertTrue(issuers.keysOf("https://idp.example.com").isPresent());
        assertFalse(issuers.keysOf("http://idp.example.com").isPresent(), "http only on this machine");
    }

    @Test
    void theScopeIsTheAssertionsOrTheRequestedPartOfIt() {
        IdentityAssertion both = assertion(List.of("mcp:list", "mcp:call"));
        assertEquals("mcp:list mcp:call", IdJagGrant.scope(both, null));
        assertEquals("mcp:list mcp:call", IdJagGrant.scope(both, " "));
        assertEquals("mcp:call", IdJagGrant.scope(both, "mcp:call"));
        OAuthException beyond = assertThrows(OAuthException.class, () -> IdJagGrant.scope(assertion(List.of("mcp:list")), "mcp:list mcp:call"));
        assertEquals("invalid_scope", beyond.error());
    }

    private static IdentityAssertion assertion(List<String> scopes) {
        return new IdentityAssertion("https://idp.example.com", "sub", "jti", Instant.now(), "https://mcp.example.com/mcp", scopes,
                new JWTClaimsSet.Builder().build());
    }
}
