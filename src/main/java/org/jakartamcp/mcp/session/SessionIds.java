package org.jakartamcp.mcp.session;

import java.util.regex.Pattern;
import org.jakartamcp.platform.security.SecretHash;

/** Session ids: 256 random bits, base64url; visible ASCII as the Streamable HTTP transport requires. */
final class SessionIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SessionIds() {
    }

    static String create() {
        return SecretHash.newSecret();
    }

    static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    static String hash(String id) {
        return SecretHash.of(id);
    }
}
