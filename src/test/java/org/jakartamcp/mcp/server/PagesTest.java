package org.jakartamcp.mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.junit.jupiter.api.Test;

class PagesTest {

    private final List<Integer> items = IntStream.range(0, 7).boxed().toList();

    @Test
    void followingTheCursorsVisitsEveryItemOnce() {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Pages.Page<Integer> page = Pages.of(items, cursor, 3);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(items, seen);
        assertEquals(3, pages);
    }

    @Test
    void theLastPageHasNoCursor() {
        assertNull(Pages.of(items, null, 50).nextCursor());
    }

    @Test
    void aForgedOrForeignCursorIsInvalidParams() {
        for (String cursor : new String[] {"nonsense!", Pages.encode(99), "b2Zmc2V0Oi0x", ""}) {
            assertEquals(JsonRpcError.INVALID_PARAMS, assertThrows(JsonRpcError.class, () -> Pages.of(items, cursor, 3)).code(), cursor);
        }
    }
}
