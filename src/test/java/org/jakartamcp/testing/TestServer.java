package org.jakartamcp.testing;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The Liberty test server the build starts before the integration tests, with the real application at its root. */
public final class TestServer {

    private TestServer() {
    }

    public static String baseUrl() {
        return "http://localhost:" + Integer.getInteger("test.http.port", 9787);
    }

    /** The first administrator's password the build gives the test server (ADMIN_PASSWORD). */
    public static String adminPassword() {
        return System.getProperty("test.admin.password", "test-administrator-password");
    }

    /** Makes sure the test database runs and waits until the application says it is ready. */
    public static String awaitReady() {
        TestDatabase.shared();
        new Health(baseUrl()).awaitReady(Duration.ofSeconds(120));
        return baseUrl();
    }

    /**
     * For Arquillian tests, registered before ArquillianExtension: their deployments then start on a running
     * database, as the root application did, even when such a test is the first to run.
     */
    public static final class Ready implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            awaitReady();
        }
    }
}
