package org.jakartamcp.mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.junit.jupiter.api.Test;

/** What the handlers declare per method, which is all the transports know of methods. */
class McpMethodTest {

    private final PlainMcpServer server = new PlainMcpServer();

    @Test
    void eachMethodNeedsTheAccessItsHandlerDeclares() {
        for (String method : List.of("initialize", "notifications/initialized", "ping", "server/discover", "logging/setLevel")) {
            assertEquals(McpMethod.Access.OPEN, server.method(method).access(), method);
        }
        for (String method : List.of("tools/list", "resources/list", "resources/templates/list", "resources/read",
                "resources/subscribe", "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete")) {
            assertEquals(McpMethod.Access.LIST, server.method(method).access(), method);
        }
        assertEquals(McpMethod.Access.CALL, server.method("tools/call").access());
    }

    @Test
    void aPromptOrResourceThatOnlyTakesArgumentsDoesNotTalkToTheClient() {
        assertFalse(server.method("prompts/get").talksToClient(Json.createObjectBuilder().add("name", "step_by_step").build()));
        assertFalse(server.method("prompts/get").talksToClient(Json.createObjectBuilder().add("name", "no_such_prompt").build()));
        assertFalse(server.method("resources/read").talksToClient(Json.createObjectBuilder().add("uri", "units://symbols").build()));
    }

    @Test
    void anUnknownMethodNeedsTheMostAndExistsInNoProtocol() {
        McpMethod unknown = server.method("tools/destroy");
        assertFalse(unknown.exists());
        assertEquals(McpMethod.Access.CALL, unknown.access());
        assertFalse(unknown.stateless());
        assertFalse(unknown.talksToClient(Json.createObjectBuilder().build()));
        assertTrue(unknown.paramHeaders(Json.createObjectBuilder().build()).isEmpty());
    }

    @Test
    void methodsRemovedIn2026_07_28AreNotStateless() {
        for (String method : List.of("initialize", "notifications/initialized", "ping", "logging/setLevel",
                "resources/subscribe", "resources/unsubscribe")) {
            assertFalse(server.method(method).stateless(), method);
        }
        for (String method : List.of("server/discover", "tools/list", "tools/call", "resources/read", "prompts/get",
                "completion/complete")) {
            assertTrue(server.method(method).stateless(), method);
        }
    }

    @Test
    void mcpNameRepeatsTheToolPromptOrResourceName() {
        assertEquals("name", server.method("tools/call").namedBy());
        assertEquals("name", server.method("prompts/get").namedBy());
        assertEquals("uri", server.method("resources/read").namedBy());
        assertNull(server.method("tools/list").namedBy());
        assertNull(server.method("completion/complete").namedBy());
    }

    @Test
    void aCallTalksToTheClientWhenItAsksForProgress() {
        JsonObject plain = Json.createObjectBuilder().add("name", "add").build();
        JsonObject withProgress = Json.createObjectBuilder().add("name", "add")
                .add("_meta", Json.createObjectBuilder().add("progressToken", 1)).build();
        assertFalse(server.method("tools/call").talksToClient(plain));
        assertTrue(server.method("tools/call").talksToClient(withProgress));
        assertFalse(server.method("tools/list").talksToClient(withProgress));
    }

    @Test
    void aStatelessSessionGetsMethodNotFoundForARemovedMethod() {
        McpSession stateless = McpSession.stateless("alice", null, Json.createObjectBuilder().build());
        JsonObject response = server.dispatch(new JsonRpcMessage.Request(Json.createValue(7), "ping", Json.createObjectBuilder().build()),
                stateless, new Caller("alice")).orElseThrow();
        assertEquals(-32601, response.getJsonObject("error").getInt("code"), response.toString());
        assertEquals(7, response.getInt("id"));
        JsonObject discover = server.dispatch(new JsonRpcMessage.Request(Json.createValue(8), "server/discover",
                Json.createObjectBuilder().build()), stateless, new Caller("alice")).orElseThrow();
        assertTrue(discover.getJsonObject("result").getJsonObject("_meta").containsKey("io.modelcontextprotocol/serverInfo"),
                discover.toString());
        assertFalse(discover.getJsonObject("result").containsKey("serverInfo"), "DiscoverResult has serverInfo only in _meta");
    }
}
