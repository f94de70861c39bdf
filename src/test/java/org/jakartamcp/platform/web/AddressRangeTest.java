package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void addressesAndRangesMatch() {
        InetAddress proxy = address("10.1.2.3");
        assertTrue(AddressRange.parse("10.1.2.3").contains(proxy));
        assertTrue(AddressRange.parse("10.0.0.0/8").contains(proxy));
        assertTrue(AddressRange.parse("10.1.2.0/23").contains(proxy));
        assertFalse(AddressRange.parse("10.1.2.4").contains(proxy));
        assertFalse(AddressRange.parse("10.1.4.0/23").contains(proxy));
        assertFalse(AddressRange.parse("::1").contains(proxy), "another address family");
        assertTrue(AddressRange.parse("::1/128").contains(address("::1")));
        assertTrue(AddressRange.parse("2001:db8::/32").contains(address("2001:db8:ffff::1")));
    }

    @Test
    void aBadRangeIsNamedAndLeftOutOfAList() {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("proxy.example.com"));
        List<AddressRange> ranges = AddressRange.parseAll(List.of("10.0.0.0/8", "10.0.0.0/x", "::1"), "test");
        assertEquals(2, ranges.size());
    }

    @Test
    void onlyLiteralsAreAddressesNeverHostNames() {
        assertEquals("192.0.2.1", AddressRange.literal("192.0.2.1").orElseThrow().getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1", AddressRange.literal("2001:db8::1").orElseThrow().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", AddressRange.literal("::1%eth0").orElseThrow().getHostAddress(), "the zone dropped");
        assertEquals("192.0.2.1", AddressRange.literal("::ffff:192.0.2.1").orElseThrow().getHostAddress(), "mapped: IPv4");
        for (String notOne : new String[] {"localhost", "example.com", "1.2.3", "1.2.3.256", "1.2.3.4.5", "01234.1.1.1", "",
                "unknown", "_hidden", "2001:db8::g", ":::::::::", "a".repeat(100)}) {
            assertTrue(AddressRange.literal(notOne).isEmpty(), notOne);
        }
    }

    @Test
    void ipv6AddressesAreGroupedBySlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", AddressRange.group(address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        assertEquals(AddressRange.group(address("2001:db8:1:2::1")), AddressRange.group(address("2001:db8:1:2::ffff")));
        assertFalse(AddressRange.group(address("2001:db8:1:2::1")).equals(AddressRange.group(address("2001:db8:1:3::1"))));
        assertEquals("192.0.2.7", AddressRange.group(address("192.0.2.7")), "IPv4 addresses stay whole");
    }

    static InetAddress address(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }
}
