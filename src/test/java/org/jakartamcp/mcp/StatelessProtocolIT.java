package org.jakartamcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jakartamcp.conformance.StatelessFixtures;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stateless protocol 2026-07-28 on /mcp: no initialize, no session, {@code _meta} on every
 * request, routing headers that must match the body, and each refusal with the code, HTTP status
 * and request id the specification gives it; after each refusal a normal request still works.
 * The product at the test server's root, plus a deployment with the fixtures that need a client
 * capability or mirror arguments into {@code Mcp-Param-*} headers.
 */
@ExtendWith(ArquillianExtension.class)
class StatelessProtocolIT {

    private static final String VERSION = "2026-07-28";
    private static final String META_CAPABILITIES = "\"io.modelcontextprotocol/clientCapabilities\":{}";
    private static final String META_CLIENT = "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}";
    private static String mcpUrl;
    private static McpHttp mcp;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive productWithStatelessFixtures() {
        return Deployments.product("stateless.war", Map.of("mcp.open-access", "true")).addClasses(StatelessFixtures.class);
    }

    @BeforeEach
    void ready() {
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
        assertEquals("jakarta-mcp-math", result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
        assertFalse(result.containsKey("serverInfo"), "DiscoverResult names the server in _meta only");
    }

    @Test
    void aToolIsCalledInOneRequestAndTheResultNamesTheServer() {
        assertAddWorks();
    }

    @Test
    void missingMetaFieldsAreInvalidParams() {
        assertError(send("tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/list\",\"params\":{}}"), 400, -32602, 11);
        assertError(send("tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"tools/list\"}"), 400, -32602, 12);
        assertError(send("tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + META_CAPABILITIES + "," + META_CLIENT + "}}}"), 400, -32602, 13);
        assertError(send("tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":\"fourteen\",\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\"," + META_CLIENT + "}}}"), 400, -32602, "fourteen");
        HttpResponse<String> withoutClientInfo = send("tools/list", null, "{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"tools/list\","
                + "\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + VERSION + "\"," + META_CAPABILITIES + "}}}");
        assertEquals(200, withoutClientInfo.statusCode(), "clientInfo is optional: " + withoutClientInfo.body());
        assertAddWorks();
    }

    @Test
    void headersThatDoNotMatchTheBodyAreAHeaderMismatch() {
        String call = request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":1,\"b\":2}}", VERSION);
        assertError(send("tools/list", "add", call), 400, -32020, 1);
        assertError(send("tools/call", "subtract", call), 400, -32020, 1);
        assertError(send("tools/call", null, call), 400, -32020, 1);
        assertError(mcp.send(mcp.post(call).header("Mcp-Method", "tools/call").header("Mcp-Name", "add")), 400, -32020, 1);
        assertError(mcp.send(mcp.post(request("tools/list", "{}", "v999.0.0")).header("MCP-Protocol-Version", VERSION)
                .header("Mcp-Method", "tools/list")), 400, -32020, 1);
        assertEquals(200, send("tools/call", "=?base64?YWRk?=", call).statusCode(), "Mcp-Name may be Base64-encoded");
        assertAddWorks();
    }

    @Test
    void anUnsupportedVersionIsRefusedWithTheSupportedOnesAndTheRequestedOne() {
        HttpResponse<String> response = mcp.send(mcp.post(request("tools/list", "{}", "2099-01-01"))
                .header("MCP-Protocol-Version", "2099-01-01").header("Mcp-Method", "tools/list"));
        assertError(response, 400, -32022, 1);
        JsonObject data = Http.json(response).getJsonObject("error").getJsonObject("data");
        assertEquals(VERSION, data.getJsonArray("supported").getString(0));
        assertEquals("2099-01-01", data.getString("requested"));
        assertAddWorks();
    }

    @Test
    void methodsThe2026_07_28ProtocolRemovedOrNeverHadAreNotFound() {
        for (String method : List.of("initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe",
                "unknown/method")) {
            assertError(send(method, null, request(method, "{}", VERSION)), 404, -32601, 1);
        }
        assertAddWorks();
    }

    @Test
    void aToolThatNeedsAnUndeclaredCapabilityIsMissingRequiredClientCapability() {
        McpHttp fixtures = new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp");
        String call = request("tools/call", "{\"name\":\"test_missing_capability\",\"arguments\":{}}", VERSION);
        HttpResponse<String> response = fixtures.send(headers(fixtures.post(call), "tools/call", "test_missing_capability"));
        assertError(response, 400, -32021, 1);
        assertEquals("{\"sampling\":{}}", Http.json(response).getJsonObject("error").getJsonObject("data")
                .getJsonObject("requiredCapabilities").toString());
        assertEquals(200, fixtures.send(headers(fixtures.post(request("tools/list", "{}", VERSION)), "tools/list", null)).statusCode());
    }

    @Test
    void argumentsMarkedXMcpHeaderMustBeRepeatedInMcpParamHeaders() {
        McpHttp fixtures = new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp");
        String call = request("tools/call", "{\"name\":\"test_header_params\",\"arguments\":{\"region\":\"Hello\",\"priority\":42}}", VERSION);
        assertError(fixtures.send(headers(fixtures.post(call), "tools/call", "test_header_params")), 400, -32020, 1);
        assertError(fixtures.send(headers(fixtures.post(call), "tools/call", "test_header_params")
                .header("Mcp-Param-Region", "Hello").header("Mcp-Param-Priority", "41")), 400, -32020, 1);
        assertError(fixtures.send(headers(fixtures.post(call), "tools/call", "test_header_params")
                .header("Mcp-Param-Region", "=?base64?SGVsbG8?=").header("Mcp-Param-Priority", "42")), 400, -32020, 1);
        HttpResponse<String> response = fixtures.send(headers(fixtures.post(call), "tools/call", "test_header_params")
                .header("mcp-param-region", "=?base64?SGVsbG8=?=").header("MCP-PARAM-PRIORITY", "42.0"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("region=Hello priority=42 verbose=-", Http.json(response).getJsonObject("result").getJsonArray("content")
                .getJsonObject(0).getString("text"));
    }

    @Test
    void thereIsNoServerStream() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(mcpUrl)).header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", VERSION).GET().build());
        assertEquals(405, response.statusCode());
    }

    private static void assertAddWorks() {
        HttpResponse<String> response = send("tools/call", "add",
                request("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":0.1,\"b\":0.2}}", VERSION));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = Http.json(response).getJsonObject("result");
        assertEquals("complete", result.getString("resultType"));
        assertEquals("0.3", result.getJsonArray("content").getJsonObject(0).getString("text"));
        assertEquals("jakarta-mcp-math", result.getJsonObject("_meta").getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
    }

    private static HttpResponse<String> send(String method, String name, String body) {
        return mcp.send(headers(mcp.post(body), method, name));
    }

    private static HttpRequest.Builder headers(HttpRequest.Builder post, String method, String name) {
        post.header("MCP-Protocol-Version", VERSION).header("Mcp-Method", method);
        return name == null ? post : post.header("Mcp-Name", name);
    }

    private static String request(String method, String params, String version) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\"," + META_CAPABILITIES + "," + META_CLIENT + "}";
        String withMeta = params.equals("{}") ? "{" + meta + "}" : params.substring(0, params.length() - 1) + "," + meta + "}";
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + withMeta + "}";
    }

    private static void assertError(HttpResponse<String> response, int status, int code, Object id) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals(code, body.getJsonObject("error").getInt("code"), response.body());
        assertEquals(id instanceof String ? "\"" + id + "\"" : String.valueOf(id), body.get("id").toString(), "the request's id: " + response.body());
    }
}
