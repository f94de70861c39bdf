package org.jakartamcp.mcp.server.lifecycle;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/** What this server offers, as announced in the initialize result. */
final class ServerCapabilities {

    private ServerCapabilities() {
    }

    static JsonObject of(ProtocolVersion version) {
        // Without a session (2026-07-28) there is nothing to subscribe with and no log level to set.
        boolean stateful = version == null || !version.isStateless();
        var capabilities = Json.createObjectBuilder()
                .add("tools", Json.createObjectBuilder().add("listChanged", false))
                .add("resources", Json.createObjectBuilder().add("subscribe", stateful).add("listChanged", false))
                .add("prompts", Json.createObjectBuilder().add("listChanged", false))
                .add("completions", Json.createObjectBuilder());
        if (stateful) {
            capabilities.add("logging", Json.createObjectBuilder());
        }
        return capabilities.build();
    }
}
