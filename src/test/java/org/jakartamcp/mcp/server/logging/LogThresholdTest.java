package org.jakartamcp.mcp.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.session.McpSession;
import org.junit.jupiter.api.Test;

class LogThresholdTest {

    @Test
    void aStatelessRequestWithoutALevelGetsNoLogMessages() {
        McpSession request = McpSession.stateless("alice", null, Json.createObjectBuilder().build());
        for (String level : LoggingHandler.LEVELS) {
            assertFalse(LogThreshold.emits(request, level), level);
        }
    }

    @Test
    void aStatelessRequestGetsMessagesFromItsLevelUp() {
        McpSession request = McpSession.stateless("alice", null, Json.createObjectBuilder().build(), "warning");
        assertFalse(LogThreshold.emits(request, "debug"));
        assertFalse(LogThreshold.emits(request, "notice"));
        assertTrue(LogThreshold.emits(request, "warning"));
        assertTrue(LogThreshold.emits(request, "emergency"));
    }

    @Test
    void aSessionGetsEveryLevelUntilItSetsOne() {
        assertTrue(LogThreshold.emits(false, null, "debug"));
        assertFalse(LogThreshold.emits(false, "error", "warning"));
        assertTrue(LogThreshold.emits(false, "error", "critical"));
    }

    @Test
    void theLevelComesFromMeta() {
        assertEquals(Optional.empty(), LogThreshold.requested(JsonObject.EMPTY_JSON_OBJECT));
        assertEquals(Optional.of("info"), LogThreshold.requested(meta(Json.createValue("info"))));
    }

    @Test
    void aLevelThatIsNoLevelIsInvalidParams() {
        JsonRpcError loud = assertThrows(JsonRpcError.class, () -> LogThreshold.requested(meta(Json.createValue("loud"))));
        assertEquals(JsonRpcError.INVALID_PARAMS, loud.code());
        assertTrue(loud.getMessage().contains("debug"), loud.getMessage());
        assertEquals(JsonRpcError.INVALID_PARAMS,
                assertThrows(JsonRpcError.class, () -> LogThreshold.requested(meta(Json.createValue(3)))).code());
    }

    private static JsonObject meta(jakarta.json.JsonValue level) {
        return Json.createObjectBuilder().add(LogThreshold.META_LOG_LEVEL, level).build();
    }
}
