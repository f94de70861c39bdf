package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The token of an Authorization header (RFC 6750 2.1): the Bearer scheme in any case, nothing else. */
class BearerTokenFilterTest {

    @Test
    void theBearerSchemeIsCaseInsensitiveAndOthersHaveNoToken() {
        assertEquals("abc.def.ghi", BearerTokenFilter.bearer("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokenFilter.bearer("bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokenFilter.bearer("BEARER abc.def.ghi "));
        assertNull(BearerTokenFilter.bearer("Basic YWRtaW46YWRtaW4="));
        assertNull(BearerTokenFilter.bearer("Bearer"));
        assertNull(BearerTokenFilter.bearer("Bearer "));
        assertNull(BearerTokenFilter.bearer("Bearerabc.def.ghi"));
        assertNull(BearerTokenFilter.bearer(""));
    }
}
