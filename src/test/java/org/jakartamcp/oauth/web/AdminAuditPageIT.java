package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jakartamcp.testing.Browsers;
import org.jakartamcp.testing.CompanyIdentityProvider;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Audit events written to PostgreSQL appear on the administrators' audit page, in a real headless Chromium; others get 403. */
class AdminAuditPageIT {

    /** admin.page-size, as the test server has it (the default). */
    private static final int PAGE_SIZE = 50;

    private final String base = TestServer.awaitReady();
    private WebDriver browser;
    private String pagingRun;

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

    /**
     * More events than a page (admin.page-size, 50), dated ahead of everything else so that they are the first
     * pages: Next and Previous walk through them in order, no event on two pages, none skipped.
     */
    @Test
    void theAuditPageWalksThroughEveryEventAPageAtATime() throws SQLException {
        String run = "paging-" + System.nanoTime() + "-";
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement insert = connection.prepareStatement("insert into audit_event (occurred_at, type, actor, detail) "
                     + "values (now() + interval '1 day' + make_interval(secs => ?), 'test.paging', ?, 'paging test')")) {
            for (int i = 0; i < PAGE_SIZE + 5; i++) {
                insert.setInt(1, i);
                insert.setString(2, run + String.format("%03d", i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        pagingRun = run;
        browser = Browsers.chromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/login.xhtml");
        signIn("admin", TestServer.adminPassword());
        wait.until(ExpectedConditions.titleIs("Your account"));

        browser.get(base + "/admin/audit.xhtml");
        wait.until(ExpectedConditions.titleIs("Audit trail"));
        List<String> first = actorsOfThisRun(run);
        assertEquals(PAGE_SIZE, first.size(), first.toString());
        assertEquals(run + String.format("%03d", PAGE_SIZE + 4), first.get(0), "newest first");
        assertEquals(run + "005", first.get(PAGE_SIZE - 1));
        assertTrue(browser.findElements(By.id("previous-page")).isEmpty(), "no page before the first");

        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-number"), "Page 2"));
        assertEquals(List.of(run + "004", run + "003", run + "002", run + "001", run + "000"), actorsOfThisRun(run),
                "the rest of them, then older events");
        assertTrue(browser.getCurrentUrl().endsWith("?page=2"), browser.getCurrentUrl());

        browser.findElement(By.id("previous-page")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-number"), "Page 1"));
        assertEquals(first, actorsOfThisRun(run));

        browser.get(base + "/admin/audit.xhtml?page=not-a-number");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-number"), "Page 1"));
        assertEquals(first, actorsOfThisRun(run), "a bad page parameter shows the first page");
    }

    /** The paging test's events are removed again: dated ahead, they would fill the first page of later tests. */
    @AfterEach
    void removePagingEvents() throws SQLException {
        if (pagingRun != null) {
            try (Connection connection = TestDatabase.shared().connect();
                 PreparedStatement delete = connection.prepareStatement("delete from audit_event where type = 'test.paging' and actor like ?")) {
                delete.setString(1, pagingRun + "%");
                delete.executeUpdate();
            }
        }
    }

    private List<String> actorsOfThisRun(String run) {
        return browser.findElements(By.cssSelector("#events tbody tr td:nth-child(3)")).stream().map(WebElement::getText)
                .filter(actor -> actor.startsWith(run)).toList();
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
