package org.jakartamcp.mcp.server.lifecycle;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import java.util.Map;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/** What this server offers, as announced in the initialize result. */
final class ServerCapabilities {

    private ServerCapabilities() {
    }

    /** @param extensions the settings of each extension offered, by identifier */
    static JsonObject of(ProtocolVersion version, Map<String, JsonObject> extensions) {
        // Without a session (2026-07-28) there is no log level to set: each request names its own.
        boolean stateful = version == null || !version.isStateless();
        // 2026-07-28 delivers list changes and resource updates on subscriptions/listen streams; sessions
        // get resource updates (resources/subscribe) but no list changes.
        boolean listens = !stateful;
        var capabilities = JSON.createObjectBuilder()
                .add("tools", JSON.createObjectBuilder().add("listChanged", listens))
                .add("resources", JSON.createObjectBuilder().add("subscribe", true).add("listChanged", listens))
                .add("prompts", JSON.createObjectBuilder().add("listChanged", listens))
                .add("completions", JSON.createObjectBuilder());
        if (stateful) {
            capabilities.add("logging", JSON.createObjectBuilder());
        }
        if (!extensions.isEmpty()) {
            var declared = JSON.createObjectBuilder();
            extensions.forEach(declared::add);
            capabilities.add("extensions", declared);
        }
        return capabilities.build();
    }
}
