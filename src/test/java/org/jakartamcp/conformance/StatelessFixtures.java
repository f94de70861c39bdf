package org.jakartamcp.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Optional;
import org.jakartamcp.mcp.spi.Sampling;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;

/**
 * Test-only: the diagnostic tools of the 2026-07-28 scenarios {@code server-stateless} (a tool
 * that needs a client capability) and {@code http-custom-header-server-validation} (a tool whose
 * schema marks arguments {@code x-mcp-header}). Deployed only into test WARs.
 */
@ApplicationScoped
public class StatelessFixtures {

    static final String HEADER_SCHEMA = """
            {"type":"object","properties":{
              "region":{"type":"string","description":"Where to run","x-mcp-header":"Region"},
              "priority":{"type":"integer","description":"How urgent","x-mcp-header":"Priority"},
              "verbose":{"type":"boolean","x-mcp-header":"Verbose"}},
             "required":["region"],"additionalProperties":false}""";

    @Tool(name = "test_missing_capability", description = "Needs sampling: a client that does not declare it gets -32021")
    public String missingCapability(Sampling sampling) {
        return sampling.createMessage(Json.createObjectBuilder()
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", Json.createObjectBuilder().add("type", "text").add("text", "Say hello"))))
                .add("maxTokens", 20).build(), Duration.ofSeconds(30)).toString();
    }

    @Tool(name = "test_header_params", description = "Echoes the arguments its schema mirrors into Mcp-Param headers",
            inputSchema = HEADER_SCHEMA)
    public String headerParams(@ToolArg(name = "region") String region, @ToolArg(name = "priority", required = false) Optional<Long> priority,
                               @ToolArg(name = "verbose", required = false) Optional<Boolean> verbose) {
        return "region=" + region + " priority=" + priority.map(String::valueOf).orElse("-") + " verbose=" + verbose.map(String::valueOf).orElse("-");
    }
}
