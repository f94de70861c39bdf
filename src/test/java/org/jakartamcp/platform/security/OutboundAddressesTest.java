package org.jakartamcp.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OutboundAddressesTest {

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefused() {
        for (String host : new String[] {"127.0.0.1", "localhost", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "[::1]", "[fd00::1]", "[fe80::1]"}) {
            URI url = URI.create("https://" + host + "/client.json");
            assertNull(OutboundAddresses.urlProblem(url, false), host);
            String problem = OutboundAddresses.addressProblem(url.getHost());
            assertTrue(problem != null && problem.startsWith("names a host with a non-public address"), host + ": " + problem);
        }
    }

    @Test
    void onlyHttpsUnlessThePrivateNetworkIsAllowed() {
        assertEquals("must be an https URL", OutboundAddresses.urlProblem(URI.create("http://client.example/c.json"), false));
        assertEquals("must be an https URL", OutboundAddresses.urlProblem(URI.create("file:///etc/passwd"), true));
        assertNull(OutboundAddresses.urlProblem(URI.create("http://127.0.0.1:8080/c.json"), true));
        assertEquals("must be an absolute URL with a host, without user information or fragment",
                OutboundAddresses.urlProblem(URI.create("https://user@client.example/c.json"), false));
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertEquals("names a host that does not resolve", OutboundAddresses.addressProblem("no-such-host.invalid"));
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        assertTrue(OutboundAddresses.isPublic(InetAddress.getByName("93.184.215.14")));
        assertTrue(OutboundAddresses.isPublic(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")));
        assertFalse(OutboundAddresses.isPublic(InetAddress.getByName("198.18.0.1")), "benchmarking range");
    }
}
