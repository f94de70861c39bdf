package org.jakartamcp.platform.web;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/** What a user pastes into an MCP client's configuration to reach this server. */
public final class ClientConfiguration {

    private ClientConfiguration() {
    }

    /** Claude Desktop's {@code claude_desktop_config.json}: mcp-remote bridges its stdio to the quick-start URL (/sse). */
    public static String claudeDesktop(String serverKey, String sseUrl) {
        JsonObject config = JSON.createObjectBuilder()
                .add("mcpServers", JSON.createObjectBuilder()
                        .add(serverKey, JSON.createObjectBuilder()
                                .add("command", "npx")
                                .add("args", JSON.createArrayBuilder().add("mcp-remote").add(sseUrl))))
                .build();
        StringWriter text = new StringWriter();
        try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.write(config);
        }
        return text.toString().strip();
    }
}
