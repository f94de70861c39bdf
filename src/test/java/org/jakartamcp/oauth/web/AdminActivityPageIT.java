package org.jakartamcp.oauth.web;

import static org.jakartamcp.testing.ActivityCharts.WAIT;
import static org.jakartamcp.testing.ActivityCharts.awaitFlushesOfEarlierCalls;
import static org.jakartamcp.testing.ActivityCharts.chart;
import static org.jakartamcp.testing.ActivityCharts.lastPoint;
import static org.jakartamcp.testing.ActivityCharts.since;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.jakartamcp.testing.ActivityCharts;
import org.jakartamcp.testing.Browsers;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The activity page and its JSON endpoint: the {@code add} calls a test makes reach PostgreSQL through the instance's
 * flush (every second on the test server: ACTIVITY_FLUSH_SECONDS) and come back in the endpoint's numbers and in the
 * charts a real headless Chromium draws; anyone but an administrator is refused.
 */
class AdminActivityPageIT {

    private static final int CALLS = 5;

    private final String base = TestServer.awaitReady();
    private WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theEndpointCountsTheCallsThisTestMadeForAdministratorsOnly() {
        HttpResponse<String> anonymous = Http.get(base + "/admin/activity");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("sign_in_required", Http.json(anonymous).getString("error"));
        HttpResponse<String> stranger = Http.get(base + "/admin/activity.xhtml");
        assertTrue(stranger.statusCode() == 302 || stranger.statusCode() == 303, "the page sends a stranger to sign in: " + stranger.statusCode());
        assertTrue(OAuthFlow.location(stranger).contains("/login.xhtml"), OAuthFlow.location(stranger));

        OAuthFlow admin = ActivityCharts.administrator(base);
        HttpResponse<String> activityPage = admin.open(base + "/admin/activity.xhtml");
        assertEquals(200, activityPage.statusCode());
        assertTrue(activityPage.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        List<String> files = Pattern.compile("(?:src|href)=\"([^\"]*(?:webjars/uplot|activity\\.js)[^\"]*)\"").matcher(activityPage.body())
                .results().map(match -> match.group(1).replace("&amp;", "&")).toList();
        assertEquals(3, files.size(), "uPlot's script and style sheet, the page's script: " + activityPage.body());
        for (String file : files) {
            HttpResponse<String> served = admin.open(URI.create(base).resolve(file).toString());
            assertEquals(200, served.statusCode(), "served from the WAR, no CDN: " + file);
        }
        HttpResponse<String> badRange = admin.open(base + "/admin/activity?range=week");
        assertEquals(400, badRange.statusCode(), badRange.body());
        assertEquals("invalid_range", Http.json(badRange).getString("error"));

        awaitFlushesOfEarlierCalls();
        JsonObject before = chart(admin, base, "hour");
        long since = lastPoint(before);
        long callsBefore = since(before, "calls", "add", since);
        long errorsBefore = since(before, "errors", "add", since);

        makeAddCalls(CALLS);

        JsonObject after = Eventually.await("the calls in the endpoint's numbers", WAIT, () -> chart(admin, base, "hour"),
                chart -> since(chart, "calls", "add", since) >= callsBefore + CALLS + 1);
        assertEquals(callsBefore + CALLS + 1, since(after, "calls", "add", since), after.toString());
        assertEquals(errorsBefore + 1, since(after, "errors", "add", since), "the call with a bad argument: " + after);
        JsonArray p99 = after.getJsonObject("latencyMs").getJsonArray("p99");
        assertFalse(p99.isNull(p99.size() - 1) && p99.isNull(p99.size() - 2), "a latency for the minute of the calls: " + after);
        assertTrue(after.getJsonObject("totals").getJsonObject("calls").getJsonNumber("add").longValue() >= CALLS + 1);
        JsonObject day = chart(admin, base, "day");
        assertEquals(288, day.getJsonArray("time").size());
        assertEquals(300, day.getInt("stepSeconds"));
        assertTrue(day.getJsonObject("totals").getJsonObject("calls").getJsonNumber("add").longValue() >= CALLS + 1);

        String user = TestUsers.create("activity-" + System.nanoTime(), "plain user password");
        OAuthFlow plain = new OAuthFlow(base);
        plain.follow(plain.signIn(plain.follow(plain.open(base + "/login.xhtml")), user, "plain user password"));
        HttpResponse<String> refused = plain.open(base + "/admin/activity?range=hour");
        assertEquals(403, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("\"calls\""), "no numbers: " + refused.body());
        HttpResponse<String> page = plain.open(base + "/admin/activity.xhtml");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Administrators only."), page.body());
        assertFalse(page.body().contains("activity.js"), "no chart script for a non-administrator");

        // the administrator's requests go on working after the refusals
        assertEquals(200, admin.open(base + "/admin/activity").statusCode());
    }

    @Test
    void anAdministratorSeesTheChartsOfTheCallsMade() {
        browser = Browsers.chromium();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(base + "/login.xhtml");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestServer.adminPassword());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.titleIs("Your account"));
        browser.findElement(By.id("administration")).click();
        wait.until(ExpectedConditions.titleIs("Clients"));
        browser.findElement(By.linkText("Activity")).click();
        wait.until(ExpectedConditions.titleIs("Activity"));

        awaitFlushesOfEarlierCalls();
        JsonObject before = chartInBrowser();
        long since = lastPoint(before);
        long callsBefore = since(before, "calls", "add", since);
        makeAddCalls(CALLS);
        wait.until(driver -> since(chartInBrowser(), "calls", "add", since) >= callsBefore + CALLS + 1);

        // the page's total is the hour's at the moment it reads it: compare with what the endpoint says just before
        wait.until(driver -> {
            long total = chartInBrowser().getJsonObject("totals").getJsonObject("calls").getJsonNumber("add").longValue();
            browser.get(base + "/admin/activity.xhtml?range=hour");
            WebDriverWait drawn = new WebDriverWait(browser, WAIT);
            drawn.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("summary"), "Loading…")));
            return browser.findElement(By.id("summary")).getText().contains("add " + total);
        });
        String summary = browser.findElement(By.id("summary")).getText();
        assertTrue(summary.matches("(?s).*add \\d+ \\(\\d+ errors\\).*"), "the bad call's error: " + summary);
        assertEquals(4, browser.findElements(By.cssSelector(".chart .uplot canvas")).size(), "four charts drawn");
        assertTrue(browser.findElement(By.id("chart-calls")).getText().contains("add"), "the calls chart's legend names the tool");
        assertTrue(browser.findElement(By.id("chart-latency")).getText().contains("p99"));

        browser.findElement(By.id("range-day")).click();
        wait.until(ExpectedConditions.urlContains("range=day"));
        wait.until(ExpectedConditions.textMatches(By.id("summary"), Pattern.compile("add \\d+")));
        assertEquals(4, browser.findElements(By.cssSelector(".chart .uplot canvas")).size());
    }

    /** One add call with a bad argument (an error of add), then {@code calls} good ones. */
    private void makeAddCalls(int calls) {
        McpHttp mcp = new McpHttp(base + "/mcp");
        String session = mcp.initialize("2025-11-25");
        JsonObject bad = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":\"not a number\",\"b\":1}}}");
        assertTrue(bad.containsKey("error") || bad.getJsonObject("result").getBoolean("isError", false), bad.toString());
        for (int call = 1; call <= calls; call++) {
            JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":" + call + ",\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":" + call + ",\"b\":1}}}");
            assertEquals(String.valueOf(call + 1), answer.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        }
    }

    /** The endpoint's answer as the signed-in browser gets it (Chromium shows JSON as text in a pre element). */
    private JsonObject chartInBrowser() {
        browser.get(base + "/admin/activity?range=hour");
        return Http.json(browser.findElement(By.tagName("pre")).getText());
    }
}
