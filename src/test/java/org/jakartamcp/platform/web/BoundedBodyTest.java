package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyUpToTheLimitIsRead() throws Exception {
        assertEquals("héllo", BoundedBody.read(stream("héllo".getBytes(StandardCharsets.UTF_8)), 6));
        assertEquals("", BoundedBody.read(stream(new byte[0]), 6));
    }

    @Test
    void oneByteOverTheLimitIsRefusedWithoutReadingTheRest() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThrows(BoundedBody.TooLarge.class, () -> BoundedBody.read(endless, 100_000));
    }

    @Test
    void invalidUtf8IsRefused() {
        assertThrows(BoundedBody.NotUtf8.class, () -> BoundedBody.read(stream(new byte[] {'{', (byte) 0xC3, '}'}), 10));
    }

    @Test
    void theDeclaredLengthOnlySizesTheBuffer() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals(body, BoundedBody.read(stream(bytes), 100, bytes.length), "as declared");
        assertEquals(body, BoundedBody.read(stream(bytes), 100, 3), "longer than declared");
        assertEquals(body, BoundedBody.read(stream(bytes), 100, 0), "declared empty");
        assertEquals(body, BoundedBody.read(stream(bytes), 100, 5_000_000), "shorter than declared");
        String large = "x".repeat(20_000);
        assertEquals(large, BoundedBody.read(stream(large.getBytes(StandardCharsets.UTF_8)), 20_000, 20_000), "past the first buffer");
        assertThrows(BoundedBody.TooLarge.class, () -> BoundedBody.read(stream(bytes), bytes.length - 1, bytes.length - 1),
                "the limit holds whatever the declared length");
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void aReplacementCharacterSentAsSuchIsText() throws Exception {
        String sent = "{\"a\":\"\uFFFD \u00e9\"}";
        assertEquals(sent, BoundedBody.read(stream(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 100));
        assertThrows(BoundedBody.NotUtf8.class, () -> BoundedBody.read(stream(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xFF}), 100),
                "a sent U+FFFD does not hide a malformed byte after it");
    }
}
