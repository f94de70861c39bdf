package org.jakartamcp.platform.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the server may fetch on a client's say-so (server-side request forgery): https on a
 * host whose every address is public. Loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unique-local IPv6 and multicast addresses are refused unless
 * the private network is explicitly allowed (tests, intranets), which also allows plain http.
 */
public final class OutboundAddresses {

    private OutboundAddresses() {
    }

    /** Why the server must not fetch this URL, or null when it may. */
    public static String problem(URI url, boolean allowPrivateNetwork) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateNetwork && scheme.equals("http"))) {
            return "must be an https URL";
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            return "must be an absolute URL with a host, without user information or fragment";
        }
        if (allowPrivateNetwork) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!isPublic(address)) {
                    return "names a host with a non-public address (" + address.getHostAddress() + ")";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "names a host that does not resolve";
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean carrierGradeNat = first == 100 && second >= 64 && second < 128;
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19));
            return !carrierGradeNat && !reserved;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return false;
    }
}
