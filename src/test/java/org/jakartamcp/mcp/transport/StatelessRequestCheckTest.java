package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.junit.jupiter.api.Test;

/** The 2026-07-28 request rules, each refusal with its code and status, on plain objects. */
class StatelessRequestCheckTest {

    private static final String VERSION = "2026-07-28";

    /** tools/call as the tools handler declares it, with one argument marked x-mcp-header "Region". */
    private static final McpMethodHandler TOOLS = new McpMethodHandler() {
        @Override
        public Set<String> methods() {
            return Set.of("tools/call");
        }

        @Override
        public List<McpMethod.ParamHeader> paramHeaders(String method, JsonObject params) {
            JsonValue region = params.get("arguments") instanceof JsonObject arguments ? arguments.get("region") : null;
            return List.of(new McpMethod.ParamHeader("Region", region));
        }
    };
    private static final McpMethod CALL = new McpMethod("tools/call", McpMethod.Access.CALL, true, "name", TOOLS);
    private static final McpMethod LIST = new McpMethod("tools/list", McpMethod.Access.LIST, true, null, TOOLS);
    private static final McpMethod PING = new McpMethod("ping", McpMethod.Access.OPEN, false, null, TOOLS);

    private final Map<String, String> headers = new HashMap<>();

    @Test
    void aCompleteRequestPassesWithWhatItDeclared() {
        headers(VERSION, "tools/list", null);
        StatelessRequestCheck.Checked checked = check(request("tools/list", Json.createObjectBuilder(), meta()), LIST);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, checked.capabilities());
        assertEquals("test", checked.clientInfo().getString("name"));
    }

    @Test
    void missingMetaFieldsAreInvalidParams() {
        headers(VERSION, "tools/list", null);
        assertRefused(400, -32602, request("tools/list", Json.createObjectBuilder(), null), LIST);
        assertRefused(400, -32602, request("tools/list", Json.createObjectBuilder(), meta().remove("io.modelcontextprotocol/protocolVersion")), LIST);
        assertRefused(400, -32602, request("tools/list", Json.createObjectBuilder(), meta().remove("io.modelcontextprotocol/clientCapabilities")), LIST);
        assertRefused(400, -32602, request("tools/list", Json.createObjectBuilder(),
                meta().add("io.modelcontextprotocol/clientCapabilities", "sampling")), LIST);
        assertRefused(400, -32602, request("tools/list", Json.createObjectBuilder(),
                meta().add("io.modelcontextprotocol/clientInfo", "test")), LIST);
    }

    @Test
    void clientInfoIsOptional() {
        headers(VERSION, "tools/list", null);
        assertEquals(null, check(request("tools/list", Json.createObjectBuilder(), meta().remove("io.modelcontextprotocol/clientInfo")), LIST)
                .clientInfo());
    }

    @Test
    void aVersionHeaderThatDoesNotMatchMetaIsAHeaderMismatch() {
        headers(VERSION, "tools/list", null);
        assertRefused(400, -32020, request("tools/list", Json.createObjectBuilder(),
                meta().add("io.modelcontextprotocol/protocolVersion", "v999.0.0")), LIST);
        headers(null, "tools/list", null);
        assertRefused(400, -32020, request("tools/list", Json.createObjectBuilder(), meta()), LIST);
    }

    @Test
    void anUnsupportedVersionNamesTheSupportedOnesAndEchoesTheRequested() {
        headers("v999.0.0", "tools/list", null);
        StatelessRequestCheck.Refusal refusal = assertRefused(400, -32022, request("tools/list", Json.createObjectBuilder(),
                meta().add("io.modelcontextprotocol/protocolVersion", "v999.0.0")), LIST);
        JsonObject data = refusal.error().data().asJsonObject();
        assertEquals("v999.0.0", data.getString("requested"));
        assertEquals(VERSION, data.getJsonArray("supported").getString(0), "newest first");
        assertTrue(data.getJsonArray("supported").toString().contains("2025-11-25"));
    }

    @Test
    void aSessionVersionInMetaIsUnsupportedInTheStatelessProtocol() {
        headers("2025-11-25", "tools/list", null);
        assertRefused(400, -32022, request("tools/list", Json.createObjectBuilder(),
                meta().add("io.modelcontextprotocol/protocolVersion", "2025-11-25")), LIST);
    }

    @Test
    void mcpMethodMustBePresentAndRepeatTheMethodExactly() {
        headers(VERSION, null, null);
        assertRefused(400, -32020, request("tools/list", Json.createObjectBuilder(), meta()), LIST);
        headers(VERSION, "prompts/list", null);
        assertRefused(400, -32020, request("tools/list", Json.createObjectBuilder(), meta()), LIST);
        headers(VERSION, "TOOLS/LIST", null);
        assertRefused(400, -32020, request("tools/list", Json.createObjectBuilder(), meta()), LIST);
        headers(VERSION, " tools/list ", null);
        check(request("tools/list", Json.createObjectBuilder(), meta()), LIST);
    }

    @Test
    void removedAndUnknownMethodsAreNotFound() {
        headers(VERSION, "ping", null);
        assertRefused(404, -32601, request("ping", Json.createObjectBuilder(), meta()), PING);
        headers(VERSION, "unknown/method", null);
        assertRefused(404, -32601, request("unknown/method", Json.createObjectBuilder(), meta()),
                new McpMethod("unknown/method", McpMethod.Access.CALL, false, null, null));
    }

    @Test
    void mcpNameMustRepeatTheNameDecodedAndTrimmed() {
        JsonObject params = Json.createObjectBuilder().add("name", "add").add("arguments", Json.createObjectBuilder()).build();
        headers(VERSION, "tools/call", "add");
        check(request("tools/call", params, meta()), CALL);
        headers(VERSION, "tools/call", "  add  ");
        check(request("tools/call", params, meta()), CALL);
        headers(VERSION, "tools/call", "=?base64?YWRk?=");
        check(request("tools/call", params, meta()), CALL);
        headers(VERSION, "tools/call", "subtract");
        assertRefused(400, -32020, request("tools/call", params, meta()), CALL);
        headers(VERSION, "tools/call", null);
        assertRefused(400, -32020, request("tools/call", params, meta()), CALL);
    }

    @Test
    void mcpParamHeadersMustRepeatTheMarkedArguments() {
        JsonObject params = Json.createObjectBuilder().add("name", "t")
                .add("arguments", Json.createObjectBuilder().add("region", "Hello")).build();
        headers(VERSION, "tools/call", "t");
        assertRefused(400, -32020, request("tools/call", params, meta()), CALL);
        headers.put("mcp-param-region", "Hello");
        check(request("tools/call", params, meta()), CALL);
        headers.put("mcp-param-region", "=?base64?SGVsbG8=?=");
        check(request("tools/call", params, meta()), CALL);
        headers.put("mcp-param-region", "=?base64?SGVsbG8?=");
        assertRefused(400, -32020, request("tools/call", params, meta()), CALL);
        headers.put("mcp-param-region", "Goodbye");
        assertRefused(400, -32020, request("tools/call", params, meta()), CALL);
    }

    @Test
    void noMcpParamHeaderIsExpectedWithoutAValue() {
        JsonObject params = Json.createObjectBuilder().add("name", "t").add("arguments", Json.createObjectBuilder()).build();
        headers(VERSION, "tools/call", "t");
        check(request("tools/call", params, meta()), CALL);
        headers.put("mcp-param-region", "Hello");
        assertRefused(400, -32020, request("tools/call", params, meta()), CALL);
    }

    @Test
    void theBodyDecidesTheProtocolWhenTheVersionHeaderIsNotAKnownOne() {
        JsonRpcBody modern = new JsonRpcBody(List.of(request("tools/list", Json.createObjectBuilder(), meta())), false);
        JsonRpcBody legacy = new JsonRpcBody(List.of(new JsonRpcMessage.Request(Json.createValue(1), "tools/list",
                JsonValue.EMPTY_JSON_OBJECT)), false);
        assertTrue(StatelessRequests.isStateless(VERSION, legacy), "the header says so");
        assertTrue(StatelessRequests.isStateless("v999.0.0", modern));
        assertTrue(StatelessRequests.isStateless(null, modern));
        assertEquals(false, StatelessRequests.isStateless("2025-11-25", modern), "a session version header is a session request");
        assertEquals(false, StatelessRequests.isStateless(null, legacy));
        assertEquals(false, StatelessRequests.isStateless("v999.0.0", legacy));
    }

    @Test
    void engineErrorsGetTheStatusesTheSpecGives() {
        assertEquals(Response.Status.NOT_FOUND, StatelessRequests.status(error(-32601)));
        assertEquals(Response.Status.BAD_REQUEST, StatelessRequests.status(error(-32021)));
        assertEquals(Response.Status.OK, StatelessRequests.status(error(-32602)), "an unknown tool is an ordinary error");
        assertEquals(Response.Status.OK, StatelessRequests.status(Json.createObjectBuilder().add("result", JsonValue.EMPTY_JSON_OBJECT).build()));
    }

    private static JsonObject error(int code) {
        return Json.createObjectBuilder().add("id", 1).add("error", Json.createObjectBuilder().add("code", code).add("message", "m")).build();
    }

    private void headers(String version, String method, String name) {
        headers.clear();
        if (version != null) {
            headers.put("mcp-protocol-version", version);
        }
        if (method != null) {
            headers.put("mcp-method", method);
        }
        if (name != null) {
            headers.put("mcp-name", name);
        }
    }

    private StatelessRequestCheck.Checked check(JsonRpcMessage.Request request, McpMethod method) {
        return StatelessRequestCheck.check(request, name -> headers.get(name.toLowerCase(Locale.ROOT)), method);
    }

    private StatelessRequestCheck.Refusal assertRefused(int status, int code, JsonRpcMessage.Request request, McpMethod method) {
        StatelessRequestCheck.Refusal refusal = assertThrows(StatelessRequestCheck.Refusal.class, () -> check(request, method));
        assertEquals(status, refusal.status().getStatusCode(), refusal.getMessage());
        assertEquals(code, refusal.error().code(), refusal.getMessage());
        return refusal;
    }

    private static JsonObjectBuilder meta() {
        return Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", VERSION)
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "test").add("version", "1"));
    }

    private static JsonRpcMessage.Request request(String method, JsonObject params, JsonObjectBuilder meta) {
        return request(method, Json.createObjectBuilder(params), meta);
    }

    private static JsonRpcMessage.Request request(String method, JsonObjectBuilder params, JsonObjectBuilder meta) {
        if (meta != null) {
            params.add("_meta", meta);
        }
        return new JsonRpcMessage.Request(Json.createValue(5), method, params.build());
    }
}
