package org.jakartamcp.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedProxyTest {

    @Test
    void addressesAndRangesMatch() throws Exception {
        byte[] proxy = InetAddress.getByName("10.1.2.3").getAddress();
        assertTrue(TrustedProxy.matches(proxy, "10.1.2.3"));
        assertTrue(TrustedProxy.matches(proxy, "10.0.0.0/8"));
        assertTrue(TrustedProxy.matches(proxy, "10.1.2.0/23"));
        assertFalse(TrustedProxy.matches(proxy, "10.1.2.4"));
        assertFalse(TrustedProxy.matches(proxy, "10.1.4.0/23"));
        assertFalse(TrustedProxy.matches(proxy, "::1"), "another address family");
        assertTrue(TrustedProxy.matches(InetAddress.getByName("::1").getAddress(), "::1/128"));
    }
}
