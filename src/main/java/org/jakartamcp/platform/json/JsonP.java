package org.jakartamcp.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. The static methods of {@code jakarta.json.Json} look it up
 * with a ServiceLoader on every call, which profiling showed as the most expensive part of
 * answering a tool call on Liberty.
 */
public final class JsonP {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonP() {
    }
}
