package org.jakartamcp.mcp.server.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.session.McpSession;
import org.junit.jupiter.api.Test;

class SubscriptionTableTest {

    private final SubscriptionTable table = new SubscriptionTable(2);
    private final McpSession alice = McpSession.stateless("alice", null, null);
    private final McpSession bob = McpSession.stateless("bob", null, null);

    @Test
    void aSessionFollowsAtMostItsMaximumAndMayRepeatOneItAlreadyFollows() {
        table.subscribe(alice, "a://1");
        table.subscribe(alice, "a://2");
        table.subscribe(alice, "a://2");
        JsonRpcError refused = assertThrows(JsonRpcError.class, () -> table.subscribe(alice, "a://3"));
        assertEquals(JsonRpcError.INVALID_PARAMS, refused.code());
        assertEquals("Invalid params: a session may follow at most 2 resources; unsubscribe from one first", refused.getMessage());

        table.subscribe(bob, "a://3");
        table.unsubscribe(alice, "a://1");
        table.subscribe(alice, "a://3");
        assertEquals(Set.of(alice, bob), table.followers("a://3"));
    }

    @Test
    void aUriNobodyFollowsIsNotKept() {
        table.subscribe(alice, "a://1");
        table.subscribe(bob, "a://1");
        table.unsubscribe(alice, "a://1");
        assertEquals(Set.of(bob), table.followers("a://1"));
        table.unsubscribe(bob, "a://1");
        assertEquals(0, table.uris());
    }

    @Test
    void anEndedSessionLeavesNothingBehind() {
        table.subscribe(alice, "a://1");
        table.subscribe(alice, "a://2");
        table.subscribe(bob, "a://2");
        table.forget(alice);
        assertEquals(Set.of(), table.followers("a://1"));
        assertEquals(Set.of(bob), table.followers("a://2"));
        assertEquals(1, table.uris());
        assertEquals(1, table.sessions());
        table.forget(bob);
        assertEquals(0, table.uris());
        assertEquals(0, table.sessions());
    }
}
