package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jakartamcp.testing.Browsers;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in and consent pages in a real headless Chromium (Debian's {@code chromium} and its
 * {@code chromedriver}): a wrong password, then the right one, Allow, and Deny.
 */
class BrowserSignInIT {

    private final String base = TestServer.awaitReady();
    private final OAuthFlow client = new OAuthFlow(base);
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browsers.chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordThenTheRightOneThenAllowGivesAWorkingCode() {
        String clientId = client.registerPublicClient("Browser test client");
        OAuthFlow.Pkce pkce = client.pkce();
        browser.get(client.authorizeUrl(clientId, pkce, Map.of("state", "browser-state")));

        wait.until(ExpectedConditions.titleIs("Sign in"));
        assertEquals("Browser test client", browser.findElement(By.id("client-name")).getText());
        signIn("admin", "not the password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Wrong username or password."));
        assertEquals("", browser.findElement(By.id("password")).getAttribute("value"), "the password is not sent back");

        signIn("admin", TestServer.adminPassword());
        wait.until(ExpectedConditions.titleIs("Allow access?"));
        assertEquals("Browser test client", browser.findElement(By.id("client-name")).getText());
        assertEquals("127.0.0.1:9", browser.findElement(By.id("redirect-host")).getText());
        assertTrue(browser.findElement(By.id("scopes")).getText().contains("Call the tools on your behalf"));

        browser.findElement(By.id("allow")).click();
        wait.until(ExpectedConditions.urlContains("code="));
        Map<String, String> answer = OAuthFlow.query(browser.getCurrentUrl());
        assertEquals("browser-state", answer.get("state"));
        HttpResponse<String> tokens = client.redeem(clientId, answer.get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(Http.json(tokens).containsKey("access_token"));
    }

    @Test
    void denySendsAccessDeniedBackAndIssuesNoCode() {
        String clientId = client.registerPublicClient("Denied client");
        browser.get(client.authorizeUrl(clientId, client.pkce(), Map.of("state", "deny-state")));
        wait.until(ExpectedConditions.titleIs("Sign in"));
        signIn("admin", TestServer.adminPassword());
        wait.until(ExpectedConditions.titleIs("Allow access?"));

        browser.findElement(By.id("deny")).click();
        wait.until(ExpectedConditions.urlContains("error="));
        Map<String, String> answer = OAuthFlow.query(browser.getCurrentUrl());
        assertEquals("access_denied", answer.get("error"));
        assertEquals("deny-state", answer.get("state"));
        assertFalse(answer.containsKey("code"));
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
