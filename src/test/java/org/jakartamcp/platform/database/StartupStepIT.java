package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A start-up step that fails keeps readiness DOWN, naming the step and why, while the other steps have run; it
 * is retried, and once it passes the server is ready with every step listed. The product WAR gets one more step,
 * which fails until the test lets it pass.
 */
@ExtendWith(ArquillianExtension.class)
class StartupStepIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive productWithAFailingStep() {
        return Deployments.product("startup-step.war", Map.of()).addClass(FailingStartupStep.class);
    }

    @Test
    void aFailedStepKeepsReadinessDownNamingItUntilARetrySucceeds() {
        String server = TestServer.awaitReady();
        Health health = new Health(server);
        String reason = "start-up step failed: 'test step' (IllegalStateException: the test keeps this step failing)";
        HttpResponse<String> down = Eventually.await("readiness naming the failed step", WAIT, health::readiness,
                response -> response.body().contains(reason));
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"DOWN\""), down.body());

        HttpResponse<String> passed = Http.send(HttpRequest.newBuilder(URI.create(deployment + "startup-step/pass"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, passed.statusCode(), passed.body());

        JsonObject ready = health.awaitReady(WAIT);
        List<String> steps = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(check -> check.getJsonObject("data").getString("startup", "")).toList();
        assertTrue(steps.stream().anyMatch(listed -> listed.contains(FailingStartupStep.NAME) && listed.contains("first administrator")),
                "the retried step is listed with the others: " + ready);
    }
}
