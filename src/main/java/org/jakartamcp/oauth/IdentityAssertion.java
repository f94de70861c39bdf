package org.jakartamcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.List;

/** A validated ID-JAG: who (issuer, subject), for which resource and scopes, and its jti (single use until it expires). */
public record IdentityAssertion(String issuer, String subject, String jti, Instant expiresAt, String resource, List<String> scopes,
                                JWTClaimsSet claims) {

    public IdentityAssertion {
        scopes = List.copyOf(scopes);
    }
}
