package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.jsonrpc.JsonRpcParser;
import org.junit.jupiter.api.Test;

class HttpSseEraTest {

    private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    @Test
    void aRequestIn2026MetaIsAnsweredWithTheLegacyVersionsUnderItsId() {
        JsonObject error = refusal("{\"jsonrpc\":\"2.0\",\"id\":\"probe-1\",\"method\":\"server/discover\",\"params\":{" + MODERN_META + "}}")
                .orElseThrow();
        assertEquals("probe-1", error.getString("id"));
        assertEquals(-32022, error.getJsonObject("error").getInt("code"));
        assertEquals("{\"supported\":[\"2025-11-25\",\"2025-06-18\",\"2025-03-26\",\"2024-11-05\"],\"requested\":\"2026-07-28\"}",
                error.getJsonObject("error").getJsonObject("data").toString());
        assertEquals(-32022, refusal("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{" + MODERN_META + "}}")
                .orElseThrow().getJsonObject("error").getInt("code"));
    }

    @Test
    void discoverWithoutMetaIsNotALegacyMethod() {
        JsonObject error = refusal("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"server/discover\"}").orElseThrow();
        assertEquals(-32601, error.getJsonObject("error").getInt("code"));
        assertTrue(error.getJsonObject("error").getString("message").contains("initialize"), error.toString());
    }

    @Test
    void legacyMessagesAreServed() {
        assertFalse(refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}")
                .isPresent());
        assertFalse(refusal("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"add\","
                + "\"_meta\":{\"progressToken\":7}}}").isPresent());
        assertFalse(refusal("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":{" + MODERN_META + "}}")
                .isPresent(), "notifications get no answer");
    }

    private static Optional<JsonObject> refusal(String json) {
        JsonRpcMessage message = new JsonRpcParser(32).parse(json).messages().get(0);
        return HttpSseEra.refusal(message);
    }
}
