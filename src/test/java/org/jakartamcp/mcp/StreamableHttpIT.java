package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Streamable HTTP transport at /mcp: the session lifecycle, and one test for each kind of bad input. */
class StreamableHttpIT {

    private static String mcpUrl;
    private static McpHttp mcp;

    @BeforeAll
    static void server() {
        mcpUrl = TestServer.awaitReady() + "/mcp";
        mcp = new McpHttp(mcpUrl);
    }

    @Test
    void aSessionNegotiatesItsVersionAndCallsAddExactly() {
        HttpResponse<String> initialize = mcp.send(mcp.post(McpHttp.initializeRequest(1, "2025-11-25")));
        assertEquals(200, initialize.statusCode());
        assertEquals("2025-11-25", Http.json(initialize).getJsonObject("result").getString("protocolVersion"));
        String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertTrue(session.matches("[\\x21-\\x7E]{32,}"), "visible ASCII, hard to guess: " + session);

        JsonObject sum = mcp.result(session, call("add", "{\"a\":0.1,\"b\":0.2}"));
        assertEquals("0.3", text(sum));
    }

    @Test
    void anUnknownVersionIsAnsweredWithTheLatest() {
        HttpResponse<String> initialize = mcp.send(mcp.post(McpHttp.initializeRequest(1, "1999-01-01")));
        assertEquals("2025-11-25", Http.json(initialize).getJsonObject("result").getString("protocolVersion"));
    }

    @Test
    void malformedJsonIsAParseError() {
        HttpResponse<String> response = mcp.send(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,"));
        assertJsonRpcError(response, 400, -32700);
    }

    @Test
    void aNumberLongerThanTheJsonParserReadsIsAParseErrorAndAStringOfItsDigitsWorks() {
        String session = mcp.initialize("2025-11-25");
        String digits = "1".repeat(1_200);
        HttpResponse<String> refused = mcp.call(session, call("add", "{\"a\":" + digits + ",\"b\":1}"));
        assertJsonRpcError(refused, 400, -32700);
        assertTrue(Http.json(refused).getJsonObject("error").getString("message").contains("send a long number as a decimal string"),
                refused.body());
        JsonObject sum = mcp.result(session, call("add", "{\"a\":\"" + digits + "\",\"b\":1}"));
        assertEquals("1".repeat(1_199) + "2", text(sum));
    }

    @Test
    void aMessageOfTheWrongShapeIsAnInvalidRequest() {
        assertJsonRpcError(mcp.send(mcp.post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")), 400, -32600);
        assertJsonRpcError(mcp.send(mcp.post("[]")), 400, -32600);
        assertJsonRpcError(mcp.send(mcp.post("42")), 400, -32600);
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        String session = mcp.initialize("2025-06-18");
        HttpResponse<String> response = mcp.call(session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/frobnicate\"}");
        assertEquals(200, response.statusCode());
        JsonObject error = Http.json(response).getJsonObject("error");
        assertEquals(-32601, error.getInt("code"));
        assertTrue(error.getString("message").contains("tools/frobnicate"));
        assertEquals(7, Http.json(response).getInt("id"));
    }

    @Test
    void aRequestWithoutSessionIdIsABadRequest() {
        assertJsonRpcError(mcp.send(mcp.post(call("add", "{\"a\":1,\"b\":2}"))), 400, -32600);
    }

    @Test
    void anUnknownOrEndedSessionIsNotFound() {
        assertJsonRpcError(mcp.call("x".repeat(43), call("add", "{\"a\":1,\"b\":2}")), 404, -32600);
        String session = mcp.initialize("2025-06-18");
        HttpResponse<String> deleted = Http.send(HttpRequest.newBuilder(URI.create(mcpUrl)).DELETE()
                .header("Mcp-Session-Id", session).build());
        assertEquals(204, deleted.statusCode());
        assertJsonRpcError(mcp.call(session, call("add", "{\"a\":1,\"b\":2}")), 404, -32600);
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIsABadRequest() {
        String session = mcp.initialize("2025-06-18");
        assertJsonRpcError(mcp.send(mcp.post(call("add", "{\"a\":1,\"b\":2}")).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2099-01-01")), 400, -32600);
        assertJsonRpcError(mcp.send(mcp.post(call("add", "{\"a\":1,\"b\":2}")).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "latest")), 400, -32600);
        assertEquals(200, mcp.send(mcp.post(call("add", "{\"a\":1,\"b\":2}")).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18")).statusCode());
    }

    @Test
    void aForeignOriginIsForbidden() {
        assertJsonRpcError(mcp.send(mcp.post(McpHttp.initializeRequest(1, "2025-11-25")).header("Origin", "https://evil.example")),
                403, -32600);
        assertEquals(200, mcp.send(mcp.post(McpHttp.initializeRequest(1, "2025-11-25")).header("Origin", "http://localhost:6274"))
                .statusCode());
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        assertJsonRpcError(mcp.send(mcp.post(huge)), 413, -32600);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
        assertJsonRpcError(mcp.send(mcp.post(deep)), 400, -32600);
    }

    @Test
    void aToolCallBeforeInitializeIsRefused() {
        HttpResponse<String> response = mcp.send(mcp.post(call("add", "{\"a\":1,\"b\":2}")));
        assertJsonRpcError(response, 400, -32600);
        assertTrue(Http.json(response).getJsonObject("error").getString("message").contains("initialize"));
    }

    @Test
    void batchesAreRefusedOutside2025_03_26AndAnsweredInIt() {
        String batch = "[" + call("add", "{\"a\":1,\"b\":2}") + "," + call("add", "{\"a\":3,\"b\":4}").replace("\"id\":1", "\"id\":2") + "]";
        assertJsonRpcError(mcp.call(mcp.initialize("2025-06-18"), batch), 400, -32600);

        HttpResponse<String> answered = mcp.call(mcp.initialize("2025-03-26"), batch);
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.body().startsWith("["), answered.body());
        assertTrue(answered.body().contains("\"text\":\"3\"") && answered.body().contains("\"text\":\"7\""), answered.body());
    }

    @Test
    void aClientThatDoesNotAcceptBothMediaTypesIsNotAcceptable() {
        assertJsonRpcError(mcp.send(mcp.post(McpHttp.initializeRequest(1, "2025-11-25")).header("Accept", "text/html")
                .setHeader("Accept", "text/html")), 406, -32600);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaType() {
        assertJsonRpcError(mcp.send(mcp.post(McpHttp.initializeRequest(1, "2025-11-25")).setHeader("Content-Type", "text/plain")),
                415, -32600);
    }

    @Test
    void notificationsAreAcceptedWithoutABody() {
        String session = mcp.initialize("2025-11-25");
        HttpResponse<String> response = mcp.call(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void badToolArgumentsAreAToolErrorNamingTheArgument() {
        String session = mcp.initialize("2025-11-25");
        JsonObject result = mcp.result(session, call("add", "{\"a\":\"one\",\"b\":2}")).getJsonObject("result");
        assertTrue(result.getBoolean("isError"));
        assertTrue(text(mcp.result(session, call("add", "{\"a\":\"one\",\"b\":2}"))).contains("'a'"));
        assertTrue(text(mcp.result(session, call("add", "{\"a\":1}"))).contains("Missing required argument 'b'"));
        assertTrue(text(mcp.result(session, call("add", "{\"a\":1,\"b\":2,\"c\":3}"))).contains("Unknown argument 'c'"));
        assertTrue(text(mcp.result(session, call("add", "{\"a\":1e999999999,\"b\":2}"))).contains("too large"));
    }

    @Test
    void anUnknownToolIsInvalidParams() {
        String session = mcp.initialize("2025-11-25");
        JsonObject response = mcp.result(session, call("subtract_everything", "{}"));
        assertEquals(-32602, response.getJsonObject("error").getInt("code"));
    }

    @Test
    void errorsCarryNoStackTrace() {
        HttpResponse<String> response = mcp.send(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"));
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("\tat "), response.body());
    }

    static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
    }

    private static String text(JsonObject response) {
        return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static void assertJsonRpcError(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
        JsonObject body = Http.json(response);
        assertEquals("2.0", body.getString("jsonrpc"));
        assertEquals(code, body.getJsonObject("error").getInt("code"), response.body());
        assertFalse(body.getJsonObject("error").getString("message").isBlank());
    }
}
