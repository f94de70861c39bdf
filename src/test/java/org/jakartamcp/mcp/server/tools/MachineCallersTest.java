package org.jakartamcp.mcp.server.tools;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.PlainMcpServer;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.junit.jupiter.api.Test;

/**
 * Service clients (machine callers) see and call only the tools that allow them: by {@code @Tool(machineCallers)},
 * overridden by {@code mcp.tool-machine-callers.<tool>}; people are not affected.
 */
class MachineCallersTest {

    private static final Caller MACHINE = new Caller("ci-client-id", Set.of(), true);
    private static final Caller PERSON = new Caller("alice", Set.of("mcp-administrators"));

    @Test
    void theMathToolsAllowMachineCallersAndFixturesDoNotByDefault() {
        ToolRegistry registry = PlainTools.registry(Map.of(), GroupLimitedTools.class, PlainToolsOfMachines.class);
        assertTrue(registry.find("for_machines").orElseThrow().allows(MACHINE));
        assertFalse(registry.find("for_people").orElseThrow().allows(MACHINE));
        assertTrue(registry.find("for_people").orElseThrow().allows(PERSON), "people are not affected");
        assertFalse(registry.find("administrators_only").orElseThrow().allows(MACHINE), "a fixture without the attribute");
        assertTrue(registry.filtersByCaller(), "a machine sees fewer tools than a person: the list depends on who asks");

        PlainMcpServer server = new PlainMcpServer();
        List<String> machineSees = toolNames(server, MACHINE);
        assertEquals(PlainMcpServer.toolNames(), machineSees, "every math tool only computes from its arguments");
    }

    @Test
    void theConfigurationOverridesTheAnnotationBothWays() {
        ToolRegistry registry = PlainTools.registry(Map.of("mcp.tool-machine-callers.for_machines", "false",
                "mcp.tool-machine-callers.for_people", "true"), PlainToolsOfMachines.class);
        assertFalse(registry.find("for_machines").orElseThrow().allows(MACHINE));
        assertTrue(registry.find("for_people").orElseThrow().allows(MACHINE));
    }

    @Test
    void aMachineDoesNotSeeAToolForPeopleAndCallingItIsAToolErrorThatSaysWhy() {
        PlainMcpServer server = new PlainMcpServer(new PlainToolsOfMachines());
        List<String> machineSees = toolNames(server, MACHINE);
        assertTrue(machineSees.contains("for_machines") && machineSees.contains("add"), machineSees.toString());
        assertFalse(machineSees.contains("for_people"), machineSees.toString());
        assertTrue(toolNames(server, PERSON).contains("for_people"));

        JsonObject refused = call(server, MACHINE, "for_people");
        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertEquals("Tool 'for_people' does not accept machine callers: ci-client-id is a service client (client credentials), "
                + "and this tool is only for people signed in. Ask your administrator to allow it "
                + "(mcp.tool-machine-callers.for_people).", text(refused));
        JsonObject allowed = call(server, MACHINE, "for_machines");
        assertFalse(allowed.getBoolean("isError", false), "a normal call right after: " + allowed);
        assertEquals("computed", text(allowed));
        assertEquals("for alice", text(call(server, PERSON, "for_people")));
    }

    /** A test fixture: one tool for machines, one for people. */
    public static class PlainToolsOfMachines {

        @org.jakartamcp.mcp.spi.Tool(name = "for_machines", description = "Computes", machineCallers = true)
        public String forMachines() {
            return "computed";
        }

        @org.jakartamcp.mcp.spi.Tool(name = "for_people", description = "Acts for a person")
        public String forPeople(Caller caller) {
            return "for " + caller.principal();
        }
    }

    private static List<String> toolNames(PlainMcpServer server, Caller caller) {
        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject params = cursor == null ? JsonObject.EMPTY_JSON_OBJECT : JSON.createObjectBuilder().add("cursor", cursor).build();
            JsonObject result = request(server, caller, "tools/list", params);
            result.getJsonArray("tools").getValuesAs(JsonObject.class).forEach(tool -> names.add(tool.getString("name")));
            cursor = result.getString("nextCursor", null);
        } while (cursor != null);
        return names.stream().sorted().toList();
    }

    private static JsonObject call(PlainMcpServer server, Caller caller, String tool) {
        return request(server, caller, "tools/call", JSON.createObjectBuilder().add("name", tool).build());
    }

    private static JsonObject request(PlainMcpServer server, Caller caller, String method, JsonObject params) {
        McpSession session = McpSession.stateless(caller.principal(), null, JsonObject.EMPTY_JSON_OBJECT);
        JsonObject answer = server.dispatch(new JsonRpcMessage.Request(JSON.createValue(1), method, params), session, caller).orElseThrow();
        if (!(answer.get("result") instanceof JsonObject result)) {
            throw new AssertionError(answer.toString());
        }
        return result;
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }
}
