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

/** The stateless protocol 2026-07-28 on /mcp: no initialize, no session, routing headers that must match the body. */
class StatelessProtocolIT {

    private static final String VERSION = "2026-07-28";
    private static String mcpUrl;
    private static McpHttp mcp;

    @BeforeAll
    static void ready() {
        mcpUrl = TestServer.awaitReady() + "/mcp";
        mcp = new McpHttp(mcpUrl);
    }

    @Test
    void discoverNamesTheVersionsAndCapabilitiesWithoutASession() {
        HttpResponse<String> response = send("server/discover", null, request("server/discover", "{}", VERSION));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session in 2026-07-28");
        JsonObject result = Http.json(response).getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertTrue(result.getJsonArray("supportedVersions").toString().contains(VERSION));
        assertTrue(result.getJsonArray("supportedVersions").toString().contains("2024-11-05"));
        assertTrue(result.getJsonObject("capabilities").containsKey("tools"));
        assertFalse(result.getJsonObject("capabilities").containsKey("logging"), "logging/setLevel is gone in 2026-07-28");
    }

    @Test
    void aToolIsCalledInOneRequest() {
        HttpResponse<String> response = send("tools/call", "add",
                request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":0.1,\"b\":0.2}}", VERSION));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = Http.json(response).getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertEquals("0.3", result.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void headersThatDoNotMatchTheBodyAreRefused() {
        String call = request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}", VERSION);
        assertError(send("tools/list", "add", call), 400, -32001);
        assertError(send("tools/call", "subtract", call), 400, -32001);
        assertError(send("tools/call", null, call), 400, -32001);
    }

    @Test
    void anUnsupportedVersionInMetaIsRefusedWithTheSupportedOnes() {
        HttpResponse<String> response = mcp.send(mcp.post(request("tools/list", "{}", "2099-01-01"))
                .header("MCP-Protocol-Version", VERSION).header("Mcp-Method", "tools/list"));
        assertError(response, 400, -32004);
        assertTrue(Http.json(response).getJsonObject("error").getJsonObject("data").toString().contains(VERSION));
    }

    @Test
    void methodsOfTheStatefulProtocolAreNotFound() {
        assertEquals(-32601, Http.json(send("ping", null, request("ping", "{}", VERSION))).getJsonObject("error").getInt("code"));
    }

    @Test
    void thereIsNoServerStream() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", VERSION).GET().build());
        assertEquals(405, response.statusCode());
    }

    private static HttpResponse<String> send(String method, String name, String body) {
        HttpRequest.Builder post = mcp.post(body).header("MCP-Protocol-Version", VERSION).header("Mcp-Method", method);
        if (name != null) {
            post.header("Mcp-Name", name);
        }
        return mcp.send(post);
    }

    private static String request(String method, String params, String version) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}";
        String withMeta = params.equals("{}") ? "{" + meta + "}" : params.substring(0, params.length() - 1) + "," + meta + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + withMeta + "}";
    }

    private static void assertError(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getJsonObject("error").getInt("code"), response.body());
    }
}
