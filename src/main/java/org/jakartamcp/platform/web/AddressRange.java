package org.jakartamcp.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An IP address or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), and the strict
 * reading of IP address literals: text from a request header must never become a DNS lookup.
 */
public final class AddressRange {

    private static final Logger LOG = Logger.getLogger(AddressRange.class.getName());

    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** A range from the configuration; {@link IllegalArgumentException} naming it when it is not one. */
    public static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress network = literal(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + text));
        int maxBits = network.getAddress().length * 8;
        int bits;
        try {
            bits = slash < 0 ? maxBits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + text, e);
        }
        if (bits < 0 || bits > maxBits) {
            throw new IllegalArgumentException("prefix length out of range: " + text);
        }
        return new AddressRange(network.getAddress(), bits);
    }

    /** The ranges of a list setting; an entry that is not one is logged as SEVERE and left out (a typo must not stop the server). */
    public static List<AddressRange> parseAll(List<String> values, String setting) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String value : values) {
            try {
                ranges.add(parse(value));
            } catch (IllegalArgumentException e) {
                LOG.severe(setting + ": " + e.getMessage() + " (ignored)");
            }
        }
        return List.copyOf(ranges);
    }

    /** Whether any of the ranges holds the address. */
    public static boolean anyContains(List<AddressRange> ranges, InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int bits = prefixBits;
        for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((candidate[i] & mask) != (network[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * An IPv4 dotted quad or an IPv6 literal (a zone after {@code %} is dropped), or empty: never a
     * host name, never a lookup. IPv4-mapped IPv6 addresses come back as IPv4 addresses.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        int zone = text.indexOf('%');
        String value = zone < 0 ? text : text.substring(0, zone);
        try {
            if (value.indexOf(':') >= 0) {
                // only hex digits, colons and an embedded dotted quad: InetAddress then parses it as IPv6 and never resolves it
                return value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
                        ? Optional.of(InetAddress.getByName(value)) : Optional.empty();
            }
            byte[] bytes = ipv4(value);
            return bytes == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    /**
     * The address as a rate-limit key: IPv6 addresses by their /64 network (one subscriber usually
     * gets a whole /64, so one address each would give a single client billions of buckets).
     */
    public static String group(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
