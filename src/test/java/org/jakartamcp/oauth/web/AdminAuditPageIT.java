package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jakartamcp.testing.Browsers;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Audit events written to PostgreSQL appear on the administrators' audit page, in a real headless Chromium; others get 403. */
class AdminAuditPageIT {

    private final String base = TestServer.awaitReady();
    private WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aFailedSignInShowsOnTheAuditPage() {
        browser = Browsers.chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String stranger = "audit-page-" + System.nanoTime();
        String outsider = "outsider-" + System.nanoTime();
        CompanyIdentityProvider.nextSignIn(outsider, "Outsider", List.of("contractors"));
        OAuthFlow flow = new OAuthFlow(base);
        assertEquals(403, flow.signInThroughProvider(flow.follow(flow.open(base + "/login.xhtml"))).statusCode());
        browser.get(base + "/login.xhtml");
        signIn(stranger, "not a password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Wrong username or password."));
        signIn("admin", TestServer.adminPassword());
        wait.until(ExpectedConditions.titleIs("Your account"));

        browser.get(base + "/admin/audit.xhtml");
        wait.until(ExpectedConditions.titleIs("Audit trail"));
        String table = browser.findElement(By.id("events")).getText();
        assertTrue(table.contains("sign-in.failed " + stranger), table);
        assertTrue(table.contains("sign-in.succeeded admin"), table);
        assertTrue(table.contains("sign-in.refused " + outsider), "a refusal at the company's provider: " + table);
    }

    @Test
    void otherUsersAreRefused() {
        String user = TestUsers.create("not-admin-" + System.nanoTime(), "plain user password");
        OAuthFlow flow = new OAuthFlow(base);
        HttpResponse<String> login = flow.follow(flow.open(base + "/login.xhtml"));
        flow.follow(flow.signIn(login, user, "plain user password"));
        HttpResponse<String> audit = flow.open(base + "/admin/audit.xhtml");
        assertEquals(403, audit.statusCode());
        assertTrue(audit.body().contains("Administrators only."), audit.body());
        assertFalse(audit.body().contains("sign-in."), "no event is shown");
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
