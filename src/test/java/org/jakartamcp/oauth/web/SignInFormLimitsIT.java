package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jakartamcp.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * A form posted to the pages is refused before the server reads it when it is longer than 16 KiB
 * (413) or of unknown length (411); the same browser then signs in as usual. A session keeps the
 * state of its last 5 views only. The pages that need no session (the landing, error and expired
 * pages) open none.
 */
class SignInFormLimitsIT {

    private final String base = TestServer.awaitReady();

    @Test
    void aFormOverTheLimitIsRefusedAndTheNextSignInWorks() {
        String user = TestUsers.create("form-limits-" + System.nanoTime(), "form password");
        OAuthFlow browser = new OAuthFlow(base);
        HttpResponse<String> page = browser.open(base + "/login.xhtml");

        HttpResponse<String> huge = browser.signIn(page, "u".repeat(4 * 1024 * 1024), "whatever");
        assertEquals(413, huge.statusCode(), huge.body());
        assertTrue(huge.body().contains("at most 16384 bytes"), huge.body());
        assertFalse(huge.body().contains("Exception"), huge.body());
        assertTrue(huge.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                "the page headers of every response: " + huge.headers().map());

        HttpResponse<String> signedIn = browser.follow(browser.signIn(page, user, "form password"));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.uri().getPath().endsWith("/account.xhtml"), "signed in: " + signedIn.uri() + " " + signedIn.body());
    }

    @Test
    void aFormOfUnknownLengthIsRefused() {
        byte[] form = "username=a&password=b".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = Http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).build());
        assertEquals(411, chunked.statusCode(), chunked.body());
        assertEquals(200, Http.get(base + "/login.xhtml").statusCode());
    }

    @Test
    void aSessionKeepsItsLastFiveViewsOnly() {
        OAuthFlow browser = new OAuthFlow(base);
        HttpResponse<String> oldest = browser.open(base + "/login.xhtml");
        HttpResponse<String> newest = oldest;
        for (int i = 0; i < 5; i++) {
            newest = browser.open(base + "/login.xhtml");
        }
        HttpResponse<String> forgotten = browser.signIn(oldest, "admin", TestServer.adminPassword());
        String location = forgotten.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/expired.xhtml"), "the oldest view is gone: " + forgotten.statusCode() + " " + location);
        HttpResponse<String> signedIn = browser.follow(browser.signIn(newest, "admin", TestServer.adminPassword()));
        assertTrue(signedIn.uri().getPath().endsWith("/account.xhtml"), "signed in: " + signedIn.uri() + " " + signedIn.body());
    }

    @Test
    void pagesThatNeedNoSessionOpenNone() {
        for (String page : new String[] {"/", "/expired.xhtml", "/error.xhtml"}) {
            HttpResponse<String> response = Http.get(base + page);
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), page + ": " + response.headers().map());
        }
        assertFalse(Http.get(base + "/login.xhtml").headers().allValues("Set-Cookie").isEmpty(), "the sign-in form needs one");
    }
}
