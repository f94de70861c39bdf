package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jakartamcp.platform.audit.AuditEvent;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.errors.Incidents;
import org.jakartamcp.platform.errors.Problem;
import org.jakartamcp.platform.errors.UnhandledExceptionMapper;
import org.jakartamcp.platform.json.JsonP;
import org.jakartamcp.platform.ratelimit.RateLimits;
import org.jakartamcp.platform.telemetry.EventCounters;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away under a running server and comes back: readiness follows it, requests that
 * need the database get a 503 problem document meanwhile, and everything recovers without a restart.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @ArquillianResource
    URL probe;

    /** The audit trail read through JPA, with the application's own error mapping. */
    @Deployment(testable = false)
    static WebArchive auditProbe() {
        return ShrinkWrap.create(WebArchive.class, "outage-probe.war")
                .addClasses(ProbeApplication.class, AuditProbeResource.class, AuditTrail.class, AuditEvent.class,
                        UnhandledExceptionMapper.class, Problem.class, Incidents.class, JsonP.class, DatabaseFailures.class,
                        EventCounters.class, RateLimits.Kind.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @BeforeAll
    static void serverIsReady() {
        TestServer.awaitReady();
    }

    @Test
    void readinessAndRequestsFollowTheDatabaseDownAndBackUp() {
        TestDatabase database = TestDatabase.shared();
        assumeTrue(database.isEmbedded(), "stopping the database needs the tests' own PostgreSQL, not DB_URL's");
        Health health = new Health(TestServer.baseUrl());
        String serverStarts = probe + "server-starts";
        assertEquals(200, Http.get(serverStarts).statusCode());

        database.stop();
        try {
            JsonObject readiness = health.awaitNotReady(OUTAGE_NOTICED);
            JsonObject check = Health.databaseCheck(readiness);
            assertEquals("DOWN", check.getString("status"));
            assertFalse(check.getJsonObject("data").getString("error").isBlank());

            HttpResponse<String> refused = Eventually.await("a 503 while the database is down", OUTAGE_NOTICED,
                    () -> Http.get(serverStarts), response -> response.statusCode() != 200);
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals(Problem.MEDIA_TYPE, refused.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElseThrow());
            JsonObject problem = Http.json(refused);
            assertEquals(503, problem.getInt("status"));
            assertEquals("Database unavailable", problem.getString("title"));
            assertFalse(refused.body().contains("Exception"), refused.body());
            assertFalse(refused.body().contains("\tat "), refused.body());
        } finally {
            database.start();
        }

        health.awaitReady(RECOVERY);
        HttpResponse<String> recovered = Eventually.await("the probe to work again", RECOVERY,
                () -> Http.get(serverStarts), response -> response.statusCode() == 200);
        assertTrue(Http.json(recovered).getInt("count") >= 1, recovered.body());
    }
}
