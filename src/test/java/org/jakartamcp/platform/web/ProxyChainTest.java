package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request comes from behind trusted proxies. */
class ProxyChainTest {

    private static final List<AddressRange> PROXIES = AddressRange.parseAll(List.of("10.0.0.0/8", "2001:db8:ffff::/48"), "test");
    private final ProxyChain xff = new ProxyChain(PROXIES, "X-Forwarded-For");
    private final ProxyChain forwarded = new ProxyChain(PROXIES, "Forwarded");

    @Test
    void withoutAProxyThePeerIsTheClient() {
        assertEquals("192.0.2.1", xff.client("192.0.2.1", List.of()).text());
        assertEquals("10.0.0.5", xff.client("10.0.0.5", List.of()).text(), "the proxy itself, sending no header");
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertEquals("192.0.2.1", xff.client("192.0.2.1", List.of("203.0.113.9")).text());
        assertEquals("192.0.2.1", forwarded.client("192.0.2.1", List.of("for=203.0.113.9")).text());
    }

    @Test
    void theRightMostAddressThatIsNotATrustedProxyIsTheClient() {
        assertEquals("203.0.113.9", xff.client("10.0.0.1", List.of("203.0.113.9")).text());
        // the client sent "1.1.1.1" itself; the first proxy appended what it saw, the second proxy what it saw
        assertEquals("203.0.113.9", xff.client("10.0.0.1", List.of("1.1.1.1, 203.0.113.9, 10.0.0.2")).text());
        assertEquals("203.0.113.9", xff.client("10.0.0.1", List.of("1.1.1.1", "203.0.113.9,10.0.0.2")).text(), "header lines in order");
        assertEquals("10.0.0.3", xff.client("10.0.0.1", List.of("10.0.0.3, 10.0.0.2")).text(), "all proxies: the left-most");
    }

    @Test
    void anUnreadableHopEndsTheChainAtTheProxyThatReportedIt() {
        assertEquals("10.0.0.2", xff.client("10.0.0.1", List.of("203.0.113.9, example.com, 10.0.0.2")).text());
        assertEquals("10.0.0.1", xff.client("10.0.0.1", List.of("")).text());
        assertEquals("10.0.0.1", forwarded.client("10.0.0.1", List.of("for=unknown")).text());
        assertEquals("10.0.0.1", forwarded.client("10.0.0.1", List.of("for=_hidden;proto=https")).text());
    }

    @Test
    void xForwardedForMayCarryIpv6AndPorts() {
        assertEquals("2001:db8:1:0:0:0:0:7", xff.client("10.0.0.1", List.of("2001:db8:1::7")).text());
        assertEquals("2001:db8:1:0:0:0:0:7", xff.client("10.0.0.1", List.of("[2001:db8:1::7]:4711")).text());
        assertEquals("203.0.113.9", xff.client("10.0.0.1", List.of("203.0.113.9:5555")).text());
    }

    @Test
    void forwardedElementsAreParsedAsRfc7239Says() {
        assertEquals("192.0.2.43", forwarded.client("10.0.0.1", List.of("for=192.0.2.43")).text());
        assertEquals("2001:db8:cafe:0:0:0:0:17",
                forwarded.client("10.0.0.1", List.of("For=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.1")).text(),
                "quoted IPv6 with a port, parameter names in any case");
        assertEquals("192.0.2.43", forwarded.client("10.0.0.1", List.of("for=\"192.0.2.43:47011\"")).text());
        assertEquals("198.51.100.17", forwarded.client("10.0.0.1",
                List.of("for=192.0.2.43, for=198.51.100.17;by=10.0.0.1", "proto=https;for=10.0.0.9")).text());
        assertEquals("198.51.100.17", forwarded.client("10.0.0.1",
                List.of("for=\"evil,for=1.2.3.4\", for=198.51.100.17")).text(), "a comma inside quotes separates nothing");
        assertEquals("2001:db8:cafe:0:0:0:0:17", forwarded.client("2001:db8:ffff::1",
                List.of("for=\"[2001:db8:cafe::17]\", for=\"[2001:db8:ffff::2]\"")).text(), "IPv6 proxies too");
    }

    @Test
    void aHopWithoutForIsUnreadable() {
        assertEquals("10.0.0.1", forwarded.client("10.0.0.1", List.of("for=203.0.113.9, proto=https")).text());
    }

    @Test
    void onlyTheLastHopsAreRead() {
        String many = "203.0.113.9, " + "10.0.0.2, ".repeat(ProxyChain.MAX_HOPS + 5) + "10.0.0.2";
        assertEquals("10.0.0.2", xff.client("10.0.0.1", List.of(many)).text(), "the left-most of the hops read");
    }

    @Test
    void theRateLimitKeyGroupsIpv6() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", xff.client("10.0.0.1", List.of("2001:db8:1:2::7")).limitKey());
        assertEquals("2001:db8:1:2:0:0:0:7", xff.client("10.0.0.1", List.of("2001:db8:1:2::7")).text(), "the audit shows it whole");
        assertEquals("203.0.113.9", xff.client("10.0.0.1", List.of("203.0.113.9")).limitKey());
    }
}
