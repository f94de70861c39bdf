package org.jakartamcp.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final SessionStore store = PlainSessions.store();

    @Test
    void aCachedSessionIsFound() {
        McpSession session = store.create(McpSession.Transport.SSE, "alice");
        assertEquals(Optional.of(session), store.find(session.id()));
    }

    /** An HTTP+SSE session whose stream just closed: its row is deleted later, but its next message must already be 404. */
    @Test
    void aSessionBeingEndedIsNotFoundBeforeItsRowIsDeleted() {
        McpSession session = store.create(McpSession.Transport.SSE, "alice");
        store.ending(session);
        assertTrue(store.find(session.id()).isEmpty());
    }
}
