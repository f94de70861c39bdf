package org.jakartamcp.mcp.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.junit.jupiter.api.Test;

class OperationSlotsTest {

    private final OperationSlots slots = new OperationSlots(List.of("initialize", "tools/call", "tools/list", "notifications/initialized"),
            List.of("add", "multiply"));

    @Test
    void aKnownToolCallIsTaggedByItsToolVersionAndOutcome() {
        assertEquals(new OperationSlots.Tags("tools/call", "add", "", "2025-11-25"),
                tags("tools/call", "add", ProtocolVersion.V2025_11_25, 0, false));
        assertEquals(new OperationSlots.Tags("tools/call", "multiply", "tool_error", "2024-11-05"),
                tags("tools/call", "multiply", ProtocolVersion.V2024_11_05, 0, true));
        assertEquals(new OperationSlots.Tags("tools/call", "add", "-32602", "2026-07-28"),
                tags("tools/call", "add", ProtocolVersion.V2026_07_28, JsonRpcError.INVALID_PARAMS, false));
    }

    @Test
    void namesClientsMakeUpBecomeOther() {
        assertEquals(new OperationSlots.Tags("tools/call", "other", "-32602", "2025-06-18"),
                tags("tools/call", "user-42's-tool", ProtocolVersion.V2025_06_18, JsonRpcError.INVALID_PARAMS, false));
        assertEquals(new OperationSlots.Tags("tools/call", "other", "", ""), tags("tools/call", null, null, 0, false));
        assertEquals(new OperationSlots.Tags("other", "", "-32601", "2025-11-25"),
                tags("session/9f8e7d", "add", ProtocolVersion.V2025_11_25, JsonRpcError.METHOD_NOT_FOUND, false));
        assertEquals(new OperationSlots.Tags("other", "", "", ""), tags(null, null, null, 0, false));
        assertEquals("other", slots.toolName("x".repeat(1000)));
        assertEquals("add", slots.toolName("add"));
        assertEquals("other", slots.methodName("tools/cal"));
    }

    @Test
    void otherMethodsHaveNoToolAndUnexpectedCodesAreOther() {
        assertEquals(new OperationSlots.Tags("tools/list", "", "", "2025-03-26"),
                tags("tools/list", "add", ProtocolVersion.V2025_03_26, 0, false));
        assertEquals(new OperationSlots.Tags("initialize", "", "_OTHER", ""), tags("initialize", null, null, 12345, false));
        assertEquals(new OperationSlots.Tags("initialize", "", "-32010", ""), tags("initialize", null, null, JsonRpcError.LIMIT_REACHED, false));
    }

    @Test
    void everySlotIsOneCombinationAndTheirNumberIsBounded() {
        Set<OperationSlots.Tags> seen = new HashSet<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            OperationSlots.Tags tags = slots.tags(slot);
            assertEquals(slot, slots.slot(tags.method(), tags.method().equals("tools/call") ? tags.tool() : null,
                    tags.protocolVersion().isEmpty() ? null : ProtocolVersion.of(tags.protocolVersion()).orElseThrow(),
                    tags.errorType().matches("-\\d+") ? Integer.parseInt(tags.errorType())
                            : tags.errorType().equals("_OTHER") ? 1 : 0,
                    tags.errorType().equals("tool_error")), tags.toString());
            seen.add(tags);
        }
        // 4 methods besides tools/call (other among them) and 3 tools (other among them), each by 6 versions and 13 outcomes
        assertEquals((4 + 3) * 6 * 13, seen.size());
        assertNotEquals(slots.slot("tools/call", "add", null, 0, false), slots.slot("tools/call", "multiply", null, 0, false));
    }

    private OperationSlots.Tags tags(String method, String tool, ProtocolVersion version, int errorCode, boolean toolError) {
        return slots.tags(slots.slot(method, tool, version, errorCode, toolError));
    }
}
