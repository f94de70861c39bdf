package org.jakartamcp.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jakartamcp.testing.Health;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.Test;

class HealthIT {

    @Test
    void readinessReportsTheDatabaseWithItsSchemaCurrent() {
        String server = TestServer.awaitReady();
        HttpResponse<String> response = Http.get(server + "/health/ready");
        assertEquals(200, response.statusCode());
        JsonObject database = Health.databaseCheck(Http.json(response));
        assertEquals("UP", database.getString("status"));
        assertEquals("current", database.getJsonObject("data").getString("schema"));
        assertEquals(Health.STARTUP_STEPS, Health.startupSteps(Http.json(response)), "every start-up step ran");
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = Http.get(TestServer.awaitReady() + "/health/live");
        assertEquals(200, response.statusCode());
        assertEquals("UP", Http.json(response).getString("status"));
    }
}
