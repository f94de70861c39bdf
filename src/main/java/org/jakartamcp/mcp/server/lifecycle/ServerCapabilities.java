package org.jakartamcp.mcp.server.lifecycle;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/** What this server offers, as announced in the initialize result. */
final class ServerCapabilities {

    private ServerCapabilities() {
    }

    static JsonObject of(ProtocolVersion version) {
        return Json.createObjectBuilder()
                .add("tools", Json.createObjectBuilder().add("listChanged", false))
                .add("resources", Json.createObjectBuilder().add("subscribe", true).add("listChanged", false))
                .add("prompts", Json.createObjectBuilder().add("listChanged", false))
                .add("completions", Json.createObjectBuilder())
                .add("logging", Json.createObjectBuilder())
                .build();
    }
}
