package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

class LandingPageIT {

    private static final Pattern CLAUDE_CONFIG = Pattern.compile("<pre id=\"claude-desktop-config\">(.*?)</pre>", Pattern.DOTALL);

    @Test
    void theRootPageGivesTheUrlsAndClaudeDesktopConfigurationOfThisServer() {
        String server = TestServer.baseUrl();
        HttpResponse<String> page = Http.get(server + "/");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains(">" + server + "/mcp<"), page.body());
        assertTrue(page.body().contains(">" + server + "/sse<"), page.body());

        Matcher config = CLAUDE_CONFIG.matcher(page.body());
        assertTrue(config.find(), "no Claude Desktop configuration on the page");
        JsonObject pasted = Json.createReader(new StringReader(unescapeHtml(config.group(1)))).readObject();
        JsonObject entry = pasted.getJsonObject("mcpServers").getJsonObject("math");
        assertEquals("npx", entry.getString("command"));
        assertEquals(List.of("mcp-remote", server + "/sse"), entry.getJsonArray("args").getValuesAs(
                value -> ((jakarta.json.JsonString) value).getString()));
    }

    @Test
    void theLandingPageNeedsNoSession() {
        HttpResponse<String> page = Http.get(TestServer.baseUrl() + "/");
        assertEquals(List.of(), page.headers().allValues("Set-Cookie"));
    }

    /** Java's HttpClient (and curl --http2) ask a cleartext server to upgrade to HTTP/2 on their first request. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/login.xhtml"})
    void aClientAskingForHttp2InClearTextGetsWholePages(String path) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = fresh.send(HttpRequest.newBuilder(URI.create(TestServer.awaitReady() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().strip().endsWith("</html>"), "the whole page: " + page.body());
    }

    private static String unescapeHtml(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
