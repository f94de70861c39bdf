package org.jakartamcp.mcp.session;

import org.jakartamcp.platform.security.SecretHash;

/** Session ids: 256 random bits, base64url; visible ASCII as the Streamable HTTP transport requires. */
final class SessionIds {

    private static final int LENGTH = 43;

    private SessionIds() {
    }

    static String create() {
        return SecretHash.newSecret();
    }

    /** Asked on every request: a loop, not {@code [A-Za-z0-9_-]{43}} as a regular expression. */
    static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static String hash(String id) {
        return SecretHash.of(id);
    }
}
