package org.jakartamcp.testing;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a server's MicroProfile Health readiness. */
public final class Health {

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
}
