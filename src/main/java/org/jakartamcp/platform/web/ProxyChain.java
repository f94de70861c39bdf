package org.jakartamcp.platform.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which address a request comes from when trusted proxies stand in front of the server. Each proxy
 * appends the address it received the request from to a header ({@code X-Forwarded-For}, or the
 * {@code for=} of RFC 7239 {@code Forwarded}); everything left of what a trusted proxy appended may
 * be made up by the client. So the header counts only when the direct peer is a trusted proxy, and
 * the client is the right-most address in it that is not itself a trusted proxy.
 */
public final class ProxyChain {

    /** RFC 7239's header; any other header name is read as a comma-separated list of addresses (X-Forwarded-For). */
    public static final String FORWARDED = "Forwarded";

    /** Hops looked at, from the right: a real chain of proxies is a handful. */
    static final int MAX_HOPS = 32;

    private final List<AddressRange> trusted;
    private final boolean rfc7239;

    public ProxyChain(List<AddressRange> trusted, String header) {
        this.trusted = List.copyOf(trusted);
        this.rfc7239 = FORWARDED.equalsIgnoreCase(header);
    }

    /**
     * The client behind {@code peer} (the connection's address), given the lines of the forwarding
     * header in the order received.
     */
    public ClientAddress client(String peer, List<String> headerLines) {
        Optional<InetAddress> direct = AddressRange.literal(peer);
        if (direct.isEmpty()) {
            return ClientAddress.unparsed(peer);
        }
        InetAddress current = direct.get();
        if (!isTrusted(current) || headerLines.isEmpty()) {
            return ClientAddress.of(current);
        }
        List<String> hops = hops(String.join(",", headerLines));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.literal(node(hops.get(i)));
            if (hop.isEmpty()) {
                // "unknown", an obfuscated name or garbage: nothing left of it can be believed; the proxy that reported it is the client we know
                return ClientAddress.of(current);
            }
            current = hop.get();
            if (!isTrusted(current)) {
                return ClientAddress.of(current);
            }
        }
        return ClientAddress.of(current);
    }

    private boolean isTrusted(InetAddress address) {
        return AddressRange.anyContains(trusted, address);
    }

    /** The last {@link #MAX_HOPS} hops of the header, as node texts (the {@code for=} value of each Forwarded element). */
    private List<String> hops(String header) {
        List<String> elements = splitOutsideQuotes(header, ',');
        List<String> tail = elements.subList(Math.max(0, elements.size() - MAX_HOPS), elements.size());
        if (!rfc7239) {
            return tail;
        }
        List<String> nodes = new ArrayList<>(tail.size());
        for (String element : tail) {
            nodes.add(forParameter(element));
        }
        return nodes;
    }

    /** The {@code for=} value of one Forwarded element ({@code for=...;proto=https;by=...}), or "" when it has none. */
    static String forParameter(String element) {
        for (String pair : splitOutsideQuotes(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                return pair.substring(equals + 1).strip();
            }
        }
        return "";
    }

    /**
     * The address of a node: quotes removed, then {@code [v6]:port} or {@code [v6]} to v6, and
     * {@code v4:port} to v4; an IPv6 address without brackets (as X-Forwarded-For carries it) stays whole.
     */
    static String node(String value) {
        String node = value.strip();
        if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
            node = node.substring(1, node.length() - 1).replace("\\", "").strip();
        }
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close < 0 ? "" : node.substring(1, close);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }
}
