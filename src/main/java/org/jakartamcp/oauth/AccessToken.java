package org.jakartamcp.oauth;

import java.util.Set;

/**
 * An access token whose signature, issuer and claims have been verified: who it is for, the grant it was issued
 * under (checked against revocation on every use), the resources it is for (RFC 8707) and the moment, in epoch
 * milliseconds, after which it is no longer accepted (its expiry plus the clock skew).
 */
public record AccessToken(AccessTokenPrincipal principal, long grantId, Set<String> audience, long acceptedUntil) {
}
