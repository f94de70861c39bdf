package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Browsers;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrators' pages for clients and grants, in a real headless Chromium: what an
 * administrator does there ends the affected tokens at once.
 */
class AdminPagesIT {

    private final String base = TestServer.awaitReady();
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void signInAsAdministrator() {
        browser = Browsers.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/login.xhtml");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestServer.adminPassword());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.titleIs("Your account"));
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void disablingAClientEndsItsTokensAndKeepsItOutUntilEnabled() {
        String name = "Disabled by the admin " + System.nanoTime();
        OAuthFlow flow = new OAuthFlow(base);
        String clientId = flow.registerPublicClient(name);
        JsonObject tokens = tokensOf(flow, clientId);
        assertEquals(200, McpHttp.initializeStatus(base, tokens.getString("access_token")));

        browser.findElement(By.id("administration")).click();
        wait.until(ExpectedConditions.titleIs("Clients"));
        pressOnRow("client-name", name, "Disable");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Disabled; its grants are revoked."));
        assertTrue(row("client-name", name).getText().contains("disabled"), row("client-name", name).getText());

        assertEquals(401, McpHttp.initializeStatus(base, tokens.getString("access_token")), "its access token stops at once");
        HttpResponse<String> refresh = flow.token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", tokens.getString("refresh_token")));
        assertEquals(401, refresh.statusCode(), refresh.body());
        HttpResponse<String> authorize = flow.open(flow.authorizeUrl(clientId, flow.pkce(), Map.of()));
        assertEquals(400, authorize.statusCode());
        assertTrue(authorize.body().contains("Unknown or disabled client"), authorize.body());

        pressOnRow("client-name", name, "Enable");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Enabled."));
        assertEquals(200, McpHttp.initializeStatus(base, tokensOf(new OAuthFlow(base), clientId).getString("access_token")));
    }

    @Test
    void deletingAClientEndsItsTokensAndRemovesIt() {
        String name = "Deleted by the admin " + System.nanoTime();
        OAuthFlow flow = new OAuthFlow(base);
        String clientId = flow.registerPublicClient(name);
        String accessToken = tokensOf(flow, clientId).getString("access_token");

        browser.get(base + "/admin/clients.xhtml");
        pressOnRow("client-name", name, "Delete");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Deleted; its grants are revoked."));
        assertFalse(browser.findElement(By.id("clients")).getText().contains(name));
        assertEquals(401, McpHttp.initializeStatus(base, accessToken));
        assertEquals(400, flow.open(flow.authorizeUrl(clientId, flow.pkce(), Map.of())).statusCode());
    }

    @Test
    void revokingAUsersGrantEndsItsTokens() {
        String user = TestUsers.create("granting-" + System.nanoTime(), "granting user password");
        String accessToken = new OAuthFlow(base).tokens(user, "granting user password").getString("access_token");
        assertEquals(200, McpHttp.initializeStatus(base, accessToken));

        browser.get(base + "/admin/grants.xhtml");
        wait.until(ExpectedConditions.titleIs("Grants"));
        pressOnRow("grant-user", user, "Revoke");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Revoked; its tokens no longer work."));
        assertFalse(browser.findElement(By.id("grants")).getText().contains(user));
        assertEquals(401, McpHttp.initializeStatus(base, accessToken));
    }

    /** More clients than a page (admin.page-size, 50): the newest first, the rest on the next page, Previous back. */
    @Test
    void theClientsPageWalksThroughEveryClient() {
        String run = "Paged client " + System.nanoTime() + " ";
        OAuthFlow flow = new OAuthFlow(base);
        for (int i = 0; i <= 50; i++) {
            flow.registerPublicClient(run + String.format("%03d", i));
        }
        browser.get(base + "/admin/clients.xhtml");
        wait.until(ExpectedConditions.titleIs("Clients"));
        List<String> first = clientNames(run);
        assertEquals(50, first.size(), first.toString());
        assertEquals(run + "050", first.get(0), "newest first");
        assertTrue(browser.findElements(By.id("previous-page")).isEmpty());

        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-number"), "Page 2"));
        assertEquals(List.of(run + "000"), clientNames(run), "the oldest one, on the next page only");

        browser.findElement(By.id("previous-page")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-number"), "Page 1"));
        assertEquals(first, clientNames(run));
    }

    private List<String> clientNames(String run) {
        return browser.findElements(By.className("client-name")).stream().map(org.openqa.selenium.WebElement::getText)
                .filter(name -> name.startsWith(run)).toList();
    }

    @Test
    void otherUsersAreRefused() {
        String user = TestUsers.create("not-admin-" + System.nanoTime(), "plain user password");
        OAuthFlow flow = new OAuthFlow(base);
        flow.follow(flow.signIn(flow.follow(flow.open(base + "/login.xhtml")), user, "plain user password"));
        for (String page : List.of("/admin/clients.xhtml", "/admin/grants.xhtml")) {
            HttpResponse<String> response = flow.open(base + page);
            assertEquals(403, response.statusCode(), page);
            assertTrue(response.body().contains("Administrators only."), response.body());
            assertFalse(response.body().contains("<form"), "no actions offered on " + page);
        }
    }

    private static JsonObject tokensOf(OAuthFlow flow, String clientId) {
        OAuthFlow.Pkce pkce = flow.pkce();
        String code = flow.authorize(clientId, pkce).get("code");
        return org.jakartamcp.testing.Http.json(flow.redeem(clientId, code, pkce.verifier()));
    }

    private org.openqa.selenium.WebElement row(String cell, String text) {
        return browser.findElement(By.xpath("//tr[.//span[@class='" + cell + "' and text()='" + text + "']]"));
    }

    /** Presses a row's button and waits until the page it posts to has replaced this one. */
    private void pressOnRow(String cell, String text, String button) {
        org.openqa.selenium.WebElement before = browser.findElement(By.id("messages"));
        row(cell, text).findElement(By.xpath(".//input[@value='" + button + "']")).click();
        wait.until(driver -> isGone(before));
    }

    /** Stale; Chromium may also answer that the node no longer belongs to the document while the new page loads. */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
