package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * An MCP extension this server implements, declared under {@code capabilities.extensions} of the
 * initialize and server/discover results by its identifier ({@code vendor-prefix/name}). A CDI bean
 * implementing this declares it; {@link #offered()} says whether it is on with this configuration.
 */
public interface ProtocolExtension {

    String id();

    /** The extension's settings object; empty unless the extension defines some. */
    default JsonObject settings() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    default boolean offered() {
        return true;
    }
}
