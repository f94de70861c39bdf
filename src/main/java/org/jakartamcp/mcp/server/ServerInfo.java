package org.jakartamcp.mcp.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How this server introduces itself to clients. */
@ApplicationScoped
public class ServerInfo {

    @Inject
    @ConfigProperty(name = "mcp.server.name", defaultValue = "jakarta-mcp-math")
    String name;

    @Inject
    @ConfigProperty(name = "mcp.server.title", defaultValue = "Math tools (Jakarta EE MCP server)")
    String title;

    @Inject
    @ConfigProperty(name = "mcp.server.version", defaultValue = "0.1.0")
    String version;

    @Inject
    @ConfigProperty(name = "mcp.server.instructions",
            defaultValue = "Exact math: call these tools instead of computing in your head, and quote their results.")
    String instructions;

    @Inject
    @ConfigProperty(name = "mcp.page-size", defaultValue = "50")
    int pageSize;

    public JsonObject implementation() {
        return JSON.createObjectBuilder().add("name", name).add("title", title).add("version", version).build();
    }

    public String instructions() {
        return instructions;
    }

    public int pageSize() {
        return pageSize;
    }
}
