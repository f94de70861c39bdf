package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.PlainMcpServer;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.testing.Fuzzing;

/**
 * Fuzz targets for what a POST to /mcp or /message reaches: the request reader (media type, size,
 * UTF-8, nesting depth), the JSON-RPC parser, and the dispatcher with the real handlers and math
 * tools. In the test suite each runs on its stored inputs; fuzzing is a separate run (README, "Fuzzing").
 */
class McpFuzzTest {

    private static final PlainMcpServer SERVER = new PlainMcpServer();
    private static final McpRequestReader READER = reader();
    private static final Caller CALLER = new Caller("fuzz", Set.of("staff"));
    private static final List<String> METHODS = List.of("initialize", "ping", "server/discover", "notifications/initialized",
            "notifications/cancelled", "logging/setLevel", "tools/list", "tools/call", "resources/list", "resources/templates/list",
            "resources/read", "resources/subscribe", "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete");
    private static final List<String> TOOLS = PlainMcpServer.toolNames();

    private static McpRequestReader reader() {
        TransportSettings settings = new TransportSettings();
        settings.maxRequestBytes = 64 * 1024; // smaller than the default 1 MiB, so that the fuzzer reaches the limit
        settings.maxJsonDepth = 64;
        McpRequestReader reader = new McpRequestReader();
        reader.settings = settings;
        return reader;
    }

    /** Any body, under any Content-Type most of the time "application/json", over an uninitialized session. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"jsonrpc\"", "\"2.0\"", "\"id\"", "\"method\"", "\"params\"", "\"result\"", "\"error\"",
            "\"initialize\"", "\"protocolVersion\"", "\"2025-06-18\"", "\"tools/call\"", "\"name\"", "\"arguments\"", "\"uri\"",
            "\"cursor\"", "null", "true", "1e999999999", "\\u0000", "application/json; charset=utf-8"})
    void body(FuzzedDataProvider data) {
        String contentType = data.consumeBoolean() ? "application/json" : data.consumeString(80);
        byte[] body = data.consumeRemainingAsBytes();
        Fuzzing.withinTimeBound("a body of " + body.length + " bytes", () -> answer(contentType, body, false));
    }

    /** Any method name and params, on an initialized session half the time. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"uri\"", "\"name\"", "\"cursor\"", "\"level\"", "\"ref\"", "\"argument\"", "\"value\"", "\"type\"",
            "\"ref/prompt\"", "\"ref/resource\"", "\"constants://pi/50\"", "\"units://symbols\"", "\"step_by_step\"",
            "\"statistics_report\"", "\"constant\"", "\"requestId\"", "\"_meta\"", "\"progressToken\"", "\"capabilities\"",
            "\"clientInfo\"", "\"protocolVersion\"", "\"2025-03-26\"", "\"2025-11-25\"", "\"debug\"", "\"emergency\""})
    void method(FuzzedDataProvider data) {
        boolean initialized = data.consumeBoolean();
        String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(40);
        String params = data.consumeRemainingAsString();
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + JSON.createValue(method) + ",\"params\":" + params + "}")
                .getBytes(StandardCharsets.UTF_8);
        Fuzzing.withinTimeBound(method, () -> answer("application/json", body, initialized));
    }

    /** tools/call of a real tool with any arguments: conversion, validation and the math itself. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"a\"", "\"b\"", "\"n\"", "\"x\"", "\"values\"", "\"expression\"", "\"variables\"", "\"precision\"",
            "\"places\"", "\"mode\"", "\"HALF_UP\"", "\"matrix\"", "\"a\":[[1,2],[3,4]]", "\"p\"", "\"xs\"", "\"ys\"", "\"points\"",
            "\"value\"", "\"from\"", "\"to\"", "\"km\"", "\"mi\"", "\"°C\"", "\"exponent\"", "\"base\"", "\"degree\"", "1e10000",
            "-0.0", "99999999999999999999", "\"ROUND(\"", "\"SQRT(\"", "\"FACT(\"", "\"^\""})
    void toolCall(FuzzedDataProvider data) {
        String tool = data.pickValue(TOOLS);
        String arguments = data.consumeRemainingAsString();
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":\"t\",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}").getBytes(StandardCharsets.UTF_8);
        Fuzzing.withinTimeBound(tool + " " + arguments, () -> answer("application/json", body, true));
    }

    /** What the transports do with a POSTed body: read it, then dispatch every message in it on the session. */
    private static void answer(String contentType, byte[] body, boolean initialized) {
        JsonRpcBody messages;
        try {
            messages = READER.read(contentType, new ByteArrayInputStream(body));
        } catch (WebApplicationException refused) {
            Fuzzing.assertClientError(refused);
            return;
        }
        McpSession session = SERVER.open(CALLER.principal());
        try {
            if (initialized) {
                SERVER.dispatch(new JsonRpcMessage.Request(JSON.createValue(0), "initialize", JSON.createObjectBuilder()
                        .add("protocolVersion", ProtocolVersion.LATEST.id()).build()), session, CALLER)
                        .ifPresent(Fuzzing::assertNoInternalError);
            }
            for (JsonRpcMessage message : messages.messages()) {
                SERVER.dispatch(message, session, CALLER).ifPresent(Fuzzing::assertNoInternalError);
            }
        } finally {
            SERVER.close(session);
        }
    }
}
