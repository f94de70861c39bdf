package org.jakartamcp.mcp.server.lifecycle;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/** What this server offers, as announced in the initialize result. */
final class ServerCapabilities {

    private ServerCapabilities() {
    }

    static JsonObject of(ProtocolVersion version) {
        // Without a session (2026-07-28) there is nothing to subscribe with and no log level to set.
        boolean stateful = version == null || !version.isStateless();
        var capabilities = JSON.createObjectBuilder()
                .add("tools", JSON.createObjectBuilder().add("listChanged", false))
                .add("resources", JSON.createObjectBuilder().add("subscribe", stateful).add("listChanged", false))
                .add("prompts", JSON.createObjectBuilder().add("listChanged", false))
                .add("completions", JSON.createObjectBuilder());
        if (stateful) {
            capabilities.add("logging", JSON.createObjectBuilder());
        }
        return capabilities.build();
    }
}
