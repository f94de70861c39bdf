package org.jakartamcp.mcp.server.tools;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.PlainMcpServer;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The math tools take decimal strings, and say a result is exact only when its arguments may be the numbers meant. */
class ExactArgumentsTest {

    private static final PlainMcpServer SERVER = new PlainMcpServer();
    private static final Caller CALLER = new Caller("numbers", Set.of("staff"));
    private McpSession session;

    @BeforeEach
    void initialize() {
        session = SERVER.open(CALLER.principal());
        SERVER.dispatch(new JsonRpcMessage.Request(JSON.createValue(0), "initialize", JSON.createObjectBuilder()
                .add("protocolVersion", ProtocolVersion.LATEST.id()).build()), session, CALLER);
    }

    @AfterEach
    void close() {
        SERVER.close(session);
    }

    @Test
    void aDecimalStringIsAddedExactly() {
        JsonObject result = call("add", "{\"a\": \"12345678901234567890.5\", \"b\": 1}");
        assertEquals("12345678901234567891.5", result.getJsonObject("structuredContent").getString("result"));
        assertTrue(result.getJsonObject("structuredContent").getBoolean("exact"));
        assertFalse(result.getJsonObject("structuredContent").containsKey("note"));
        assertEquals("12345678901234567891.5", text(result));
    }

    @Test
    void whatAJavaScriptClientSendsForALongNumberIsNotClaimedExact() {
        // -12345678901234567890.5 after JSON.parse and JSON.stringify
        JsonObject result = call("add", "{\"a\": -12345678901234567000, \"b\": 1}");
        JsonObject structured = result.getJsonObject("structuredContent");
        assertEquals("-12345678901234566999", structured.getString("result"));
        assertFalse(structured.getBoolean("exact"));
        assertTrue(structured.getString("note").contains("a = -12345678901234567000"), structured.toString());
        assertTrue(text(result).startsWith("-12345678901234566999 (not known to be exact: a = -12345678901234567000"), text(result));
        // the same digits as a string, or a number a double holds, are exact
        assertTrue(call("add", "{\"a\": \"-12345678901234567000\", \"b\": 1}").getJsonObject("structuredContent").getBoolean("exact"));
        assertTrue(call("add", "{\"a\": 0.1, \"b\": 0.2}").getJsonObject("structuredContent").getBoolean("exact"));
    }

    @Test
    void aRoundedResultSaysBoth() {
        JsonObject structured = call("divide", "{\"a\": 1, \"b\": 3.0000000000000004}").getJsonObject("structuredContent");
        assertFalse(structured.getBoolean("exact"));
        assertEquals(34, structured.getInt("significantDigits"));
        assertTrue(structured.getString("note").contains("b = 3.0000000000000004"));
    }

    @Test
    void aResultWithoutAClaimGetsTheNoteAsText() {
        JsonObject result = call("is_prime", "{\"n\": 12345678901234567000}");
        assertEquals(2, result.getJsonArray("content").size(), result.toString());
        assertTrue(result.getJsonArray("content").getJsonObject(1).getString("text").startsWith("Note: not known to be exact: n = "));
        assertEquals(1, call("is_prime", "{\"n\": \"12345678901234567891\"}").getJsonArray("content").size());
    }

    @Test
    void aNoteNamesAFewOfManyArgumentsInDoubt() {
        String row = "[0.1234567890123456, 0.2234567890123456, 0.3234567890123456]";
        JsonObject result = call("matrix_multiply", "{\"a\": [" + row + ", " + row + ", " + row + "], \"b\": [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}");
        String note = result.getJsonArray("content").getJsonObject(1).getString("text");
        assertTrue(note.startsWith("Note: not known to be exact: a[0][0] = 0.1234567890123456, a[0][1] = 0.2234567890123456, "
                + "a[0][2] = 0.3234567890123456, a[1][0] = 0.1234567890123456, a[1][1] = 0.2234567890123456 and 4 more have"), note);
    }

    @Test
    void aBadStringIsAToolErrorAndTheNextCallWorks() {
        JsonObject refused = call("add", "{\"a\": \"12,5\", \"b\": 1}");
        assertTrue(refused.getBoolean("isError"));
        assertEquals("Argument 'a' must be a number, or a decimal string such as \"-12345678901234567890.5\", not \"12,5\"", text(refused));
        JsonObject matrix = call("determinant", "{\"matrix\": [[\"1\", \"2\"], [\"3\", \"x\"]]}");
        assertTrue(matrix.getBoolean("isError"));
        assertTrue(text(matrix).startsWith("Argument 'matrix[1][1]' must be a number, or a decimal string"), text(matrix));
        assertEquals("-2", call("determinant", "{\"matrix\": [[\"1\", \"2\"], [\"3\", 4]]}").getJsonObject("structuredContent")
                .getString("fraction"));
        assertEquals("0.3", text(call("add", "{\"a\": \"0.1\", \"b\": \"0.2\"}")));
    }

    private JsonObject call(String tool, String arguments) {
        JsonObject params = JSON.createObjectBuilder().add("name", tool)
                .add("arguments", JSON.createReader(new StringReader(arguments)).readObject()).build();
        JsonObject response = SERVER.dispatch(new JsonRpcMessage.Request(JSON.createValue(1), "tools/call", params), session, CALLER)
                .orElseThrow();
        assertFalse(response.containsKey("error"), response.toString());
        return response.getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }
}
