package org.jakartamcp.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Arrays;
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

    /** What a newcomer needs: the tools and resources, MCP Inspector's command line; no first sign-in note, as ADMIN_PASSWORD is set. */
    @Test
    void theLandingPageShowsWhatTheServerOffersAndHowToTryIt() {
        String server = TestServer.baseUrl();
        String page = Http.get(server + "/").body();
        assertTrue(page.contains("<dt><code>add</code> Add</dt>"), page);
        assertTrue(page.contains("<dd>Adds two numbers exactly, in decimal arithmetic"), page);
        assertTrue(page.contains("<dt><code>constants://{name}/{digits}</code> Mathematical constant</dt>"), page);
        assertTrue(page.contains("<pre id=\"inspector-command\">npx @modelcontextprotocol/inspector --transport sse --server-url "
                + server + "/sse</pre>"), page);
        assertFalse(page.contains("first-sign-in"), "the administrator's password was configured: " + page);
    }

    @Test
    void theSiteHasAnIcon() {
        HttpResponse<byte[]> ico = Http.sendAsIs(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, ico.statusCode());
        assertEquals("image/x-icon", ico.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(ico.body(), 4), "an ICO file");
        HttpResponse<String> svg = Http.get(TestServer.baseUrl() + "/favicon.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.body().startsWith("<svg"), svg.body());
        assertTrue(Http.get(TestServer.baseUrl() + "/").body().contains("rel=\"icon\""));
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
