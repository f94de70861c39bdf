package org.jakartamcp.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The rules for redirect URIs: https, or http on a loopback address (RFC 8252 7.3), or a configured
 * private-use scheme (RFC 8252 7.1); absolute, without a fragment. A registered loopback URI
 * matches a requested one on any port, since native clients (mcp-remote) listen on whatever port
 * is free; everything else must match exactly.
 */
public final class RedirectUris {

    public static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    /** Why a URI cannot be registered, or null when it can. */
    public static String problem(String uri, List<String> allowedSchemes) {
        if (uri == null || uri.isEmpty() || uri.length() > MAX_LENGTH) {
            return "a redirect URI must be 1 to " + MAX_LENGTH + " characters";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "'" + uri + "' is not a URI";
        }
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
            return "'" + uri + "' must be an absolute URI without a fragment";
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && parsed.getHost() != null) {
            return null;
        }
        if (scheme.equals("http") && isLoopback(parsed)) {
            return null;
        }
        if (allowedSchemes.contains(scheme)) {
            return null;
        }
        return "'" + uri + "' must use https, or http on a loopback address (localhost, 127.0.0.1, [::1])";
    }

    /** Whether a redirect URI in an authorization request matches a registered one. */
    public static boolean matches(String registered, String requested) {
        if (registered.equals(requested)) {
            return true;
        }
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equalsIgnoreCase(a.getScheme()) && isLoopback(a) && "http".equalsIgnoreCase(b.getScheme())
                    && a.getHost().equalsIgnoreCase(b.getHost()) && b.getRawFragment() == null
                    && Objects.equals(a.getRawPath(), b.getRawPath()) && Objects.equals(a.getRawQuery(), b.getRawQuery())
                    && a.getRawUserInfo() == null && b.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
