package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;
import java.time.Duration;

/** Asks the client for its roots ({@code roots/list}): the directories or files it lets the server work with. */
public interface Roots {

    /** Whether the client declared the roots capability. */
    boolean isSupported();

    /**
     * Sends {@code roots/list} and returns the client's result ({@code roots}: objects with {@code uri} and {@code name}).
     *
     * @throws ToolCallException when the client does not support roots, refuses, or does not answer in time
     */
    JsonObject list(Duration timeout);
}
