package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * A tool call ends at the server's time limit for one call, or when the client cancels it,
 * whichever comes first: the product WAR with a fixture tool that runs until it is cancelled, and
 * the time limit configured to 3 s.
 */
@ExtendWith(ArquillianExtension.class)
class ToolCallLimitsIT {

    private static final int TIME_LIMIT_SECONDS = 3;

    @ArquillianResource
    URL deployment;

    private McpHttp mcp;
    private String session;

    @Deployment(testable = false)
    static WebArchive productWithAnUnendingTool() {
        return Deployments.product("time-limit.war", Map.of("mcp.tool-time-limit-seconds", String.valueOf(TIME_LIMIT_SECONDS)))
                .addClass(UnendingTool.class);
    }

    @BeforeEach
    void session() {
        TestServer.awaitReady();
        mcp = new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp");
        session = mcp.initialize("2025-11-25");
    }

    @Test
    void aCallThatRunsPastTheTimeLimitEndsWithAToolError() {
        long started = System.nanoTime();
        JsonObject result = mcp.result(session, call(2)).getJsonObject("result");
        long elapsed = System.nanoTime() - started;

        assertTrue(result.getBoolean("isError"), result.toString());
        assertEquals("Tool 'unending' was stopped: it ran past the time limit of 3 s for one call",
                result.getJsonArray("content").getJsonObject(0).getString("text"));
        assertTrue(elapsed >= TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS), "not before the limit: " + elapsed + " ns");
    }

    @Test
    void aCallTheClientCancelsEndsBeforeTheTimeLimit() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(() -> mcp.call(session, call(3)));
        // a cancellation that arrives before the call runs is ignored, so it is repeated until the answer comes
        HttpResponse<String> answered = null;
        while (answered == null) {
            mcp.call(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}");
            try {
                answered = response.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // cancel again
            }
        }
        JsonObject answer = Http.json(answered);
        long elapsed = System.nanoTime() - started;

        assertEquals("Request cancelled", answer.getJsonObject("error").getString("message"), answer.toString());
        assertTrue(elapsed < TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS), "before the limit: " + Duration.ofNanos(elapsed));
    }

    @Test
    void costlyExpressionsAreToolErrorsAtOnceAndTheNextCallAnswers() {
        // each ran for hours before: a million-digit ROUND, a fifty-million-digit literal under SQRT
        assertEquals("Cannot evaluate the expression at position 1: ROUND needs a number of decimal places from -20000 to 20000",
                evaluationError(4, "ROUND(1, 3000000)"));
        assertEquals("The number 1e50000000 at position 6 is too large or too precise: at most 10000 digits and an exponent "
                + "of at most 10000 in magnitude", evaluationError(5, "SQRT(1e50000000)"));
        JsonObject normal = mcp.result(session, evaluate(6, "1 + 2")).getJsonObject("result");
        assertEquals("3", normal.getJsonArray("content").getJsonObject(0).getString("text"), normal.toString());
    }

    private String evaluationError(int id, String expression) {
        JsonObject result = mcp.result(session, evaluate(id, expression)).getJsonObject("result");
        assertTrue(result.getBoolean("isError"), result.toString());
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static String evaluate(int id, String expression) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"evaluate\","
                + "\"arguments\":{\"expression\":\"" + expression + "\"}}}";
    }

    private static String call(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"unending\"}}";
    }
}
