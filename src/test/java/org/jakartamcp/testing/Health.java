package org.jakartamcp.testing;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a server's MicroProfile Health readiness. */
public final class Health {

    /** The start-up steps of the server (DatabaseReady), each named in readiness once it has run. */
    public static final Set<String> STARTUP_STEPS = Set.of("first administrator", "signing key", "revoked grants",
            "session checks", "housekeeping schedule", "start audit", "cluster signals",
            "instance heartbeat", "activity flush schedule");

    private final String baseUrl;

    public Health(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> readiness() {
        return Http.get(baseUrl + "/health/ready");
    }

    public JsonObject awaitReady(Duration timeout) {
        return Http.json(Eventually.await("readiness UP at " + baseUrl, timeout, this::readiness, Health::isUp));
    }

    public JsonObject awaitNotReady(Duration timeout) {
        return Http.json(Eventually.await("readiness DOWN at " + baseUrl, timeout, this::readiness,
                response -> response.statusCode() == 503));
    }

    public static boolean isUp(HttpResponse<String> response) {
        return response.statusCode() == 200 && "UP".equals(Http.json(response).getString("status", null));
    }

    /** The start-up steps a readiness answer says have run (the database check's {@code startup} data). */
    public static Set<String> startupSteps(JsonObject readiness) {
        String steps = databaseCheck(readiness).getJsonObject("data").getString("startup", "");
        return steps.isEmpty() ? Set.of() : Arrays.stream(steps.split(", ")).collect(Collectors.toSet());
    }

    /** The database's check in a readiness answer (readiness has others, the instance's; their order is the container's). */
    public static JsonObject databaseCheck(JsonObject readiness) {
        return readiness.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no database check: " + readiness));
    }
}
