package org.jakartamcp.mcp.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which browser origins may talk to the MCP endpoints: against DNS rebinding, a page served from
 * anywhere else must not reach a server on localhost. Requests without an Origin (non-browser
 * clients) are not affected.
 */
final class OriginPolicy {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private OriginPolicy() {
    }

    static boolean allows(String origin, List<String> configured) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (configured.stream().map(allowed -> allowed.trim().toLowerCase(Locale.ROOT)).anyMatch(normalized::equals)) {
            return true;
        }
        try {
            URI uri = new URI(normalized);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost())
                    && (uri.getPath() == null || uri.getPath().isEmpty());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
