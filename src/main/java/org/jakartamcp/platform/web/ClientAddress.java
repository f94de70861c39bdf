package org.jakartamcp.platform.web;

import java.net.InetAddress;

/**
 * Where a request comes from: the address to show (audit trail) and the key to rate-limit it by
 * (IPv6 by /64, see {@link AddressRange#group}).
 */
public record ClientAddress(String text, String limitKey) {

    static ClientAddress of(InetAddress address) {
        return new ClientAddress(address.getHostAddress(), AddressRange.group(address));
    }

    /** A peer address the container gave in a form that is not a literal (never seen; kept as it is, bounded). */
    static ClientAddress unparsed(String peer) {
        String text = peer == null ? "" : peer.length() > 64 ? peer.substring(0, 64) : peer;
        return new ClientAddress(text, text);
    }
}
