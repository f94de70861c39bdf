package org.jakartamcp.mcp.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.Prometheus;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes the test server's /metrics; PromQL then counts exactly the {@code add} calls this test made,
 * under the MCP conventions' metric and attributes, and a tool nobody offers is counted as "other", not by its name.
 */
class PrometheusMetricsIT {

    private static final String ADD_CALLS = "sum(mcp_server_operation_duration_seconds_count{mcp_method_name=\"tools/call\","
            + "gen_ai_tool_name=\"add\",error_type=\"\",mcp_protocol_version=\"2025-11-25\"})";
    private static final String OTHER_TOOL_CALLS = "sum(mcp_server_operation_duration_seconds_count{mcp_method_name=\"tools/call\","
            + "gen_ai_tool_name=\"other\"})";
    private static final int CALLS = 7;

    @Test
    void prometheusCountsTheAddCallsThisTestMade() {
        String server = TestServer.awaitReady();
        McpHttp mcp = new McpHttp(server + "/mcp");
        String session = mcp.initialize("2025-11-25");
        URI base = URI.create(server);
        try (Prometheus prometheus = Prometheus.scraping(base.getHost() + ":" + base.getPort(), "/metrics")) {
            prometheus.awaitScrape();
            // what earlier tests on this server left: every scrape from now on includes it, and nothing else runs meanwhile
            double before = prometheus.value(ADD_CALLS).orElse(0);
            double otherBefore = prometheus.value(OTHER_TOOL_CALLS).orElse(0);

            for (int call = 1; call <= CALLS; call++) {
                JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":" + call + ",\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":" + call + ",\"b\":40}}}");
                assertEquals(String.valueOf(call + 40), answer.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                        .getString("text"), answer.toString());
            }
            JsonObject unknown = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"no-such-tool-4711\",\"arguments\":{}}}");
            assertTrue(unknown.containsKey("error") || unknown.getJsonObject("result").getBoolean("isError", false), unknown.toString());
            double callsEnded = System.currentTimeMillis() / 1000.0;

            // a scrape taken after the last answer: it has every call, or the count is wrong
            Eventually.await("a scrape after the calls", Duration.ofSeconds(30),
                    () -> prometheus.value("max(timestamp(mcp_server_operation_duration_seconds_count{gen_ai_tool_name=\"other\"}))"),
                    scraped -> scraped.isPresent() && scraped.getAsDouble() > callsEnded);
            assertEquals(before + CALLS, prometheus.value(ADD_CALLS).orElse(0), "add calls counted by Prometheus");
            assertEquals(otherBefore + 1, prometheus.value(OTHER_TOOL_CALLS).orElse(0), "calls of an unknown tool");
            assertEquals(0, prometheus.query("mcp_server_operation_duration_seconds_count{gen_ai_tool_name=\"no-such-tool-4711\"}").size(),
                    "a tool name nobody offers must not become a label");
            assertFalse(prometheus.query("mcp_server_operation_duration_seconds_bucket{gen_ai_tool_name=\"add\",le=\"0.01\"}").isEmpty(),
                    "the conventions' bucket boundaries");
            assertFalse(prometheus.query("mcp_server_sessions_active").isEmpty(), "the open sessions gauge");
        }

        // the server goes on answering
        assertEquals(200, Http.get(server + "/health/ready").statusCode());
    }
}
