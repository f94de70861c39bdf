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

    /** What is wrong with the URL itself (no name is resolved), or null: safe to tell whoever sent it. */
    public static String urlProblem(URI url, boolean allowPrivateNetwork) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateNetwork && scheme.equals("http"))) {
            return "must be an https URL";
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            return "must be an absolute URL with a host, without user information or fragment";
        }
        return null;
    }

    /**
     * Why the host must not be fetched from, naming the address it resolves to, or null when all its addresses
     * are public. For the log only: told to a client, it would map the server's internal network.
     */
    public static String addressProblem(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
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
