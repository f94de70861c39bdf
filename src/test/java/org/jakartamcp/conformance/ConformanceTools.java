package org.jakartamcp.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jakartamcp.mcp.spi.Content;
import org.jakartamcp.mcp.spi.Elicitation;
import org.jakartamcp.mcp.spi.McpLog;
import org.jakartamcp.mcp.spi.Progress;
import org.jakartamcp.mcp.spi.ResourceContents;
import org.jakartamcp.mcp.spi.ResponseStream;
import org.jakartamcp.mcp.spi.Sampling;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.jakartamcp.mcp.spi.ToolResult;

/**
 * Test-only: the tools the MCP conformance suite calls by name, as its reference server defines
 * them. Deployed only into the conformance test's WAR, never into the product.
 */
@ApplicationScoped
public class ConformanceTools {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @Tool(name = "test_simple_text", description = "Returns simple text")
    public String simpleText() {
        return "This is a simple text response for testing.";
    }

    @Tool(name = "test_image_content", description = "Returns an image")
    public ToolResult image() {
        return ToolResult.of(Content.Image.of(Media.RED_PIXEL_PNG, "image/png"));
    }

    @Tool(name = "test_audio_content", description = "Returns audio")
    public ToolResult audio() {
        return ToolResult.of(Content.Audio.of(Media.silentWav(), "audio/wav"));
    }

    @Tool(name = "test_embedded_resource", description = "Returns an embedded resource")
    public ToolResult embeddedResource() {
        return ToolResult.of(new Content.EmbeddedResource(ResourceContents.text("test://embedded-resource", "text/plain",
                "This is an embedded resource content.")));
    }

    @Tool(name = "test_multiple_content_types", description = "Returns text, an image and a resource")
    public ToolResult mixed() {
        return ToolResult.of(new Content.Text("Multiple content types test:"),
                Content.Image.of(Media.RED_PIXEL_PNG, "image/png"),
                new Content.EmbeddedResource(ResourceContents.text("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}")));
    }

    @Tool(name = "test_tool_with_logging", description = "Sends log messages while it runs")
    public String logging(McpLog log) {
        log.info("Tool execution started");
        pause();
        log.info("Tool processing data");
        pause();
        log.info("Tool execution completed");
        return "Tool with logging executed successfully";
    }

    @Tool(name = "test_error_handling", description = "Always fails")
    public String error() {
        throw new ToolCallException("This tool intentionally returns an error for testing");
    }

    @Tool(name = "test_tool_with_progress", description = "Reports progress")
    public String progress(Progress progress) {
        progress.report(0, 100.0, null);
        pause();
        progress.report(50, 100.0, null);
        pause();
        progress.report(100, 100.0, null);
        return "Tool with progress executed successfully";
    }

    @Tool(name = "test_sampling", description = "Asks the client's model")
    public String sampling(@ToolArg(description = "The prompt to send to the LLM") String prompt, Sampling sampling) {
        JsonObject result = sampling.createMessage(Json.createObjectBuilder()
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", Json.createObjectBuilder().add("type", "text").add("text", prompt))))
                .add("maxTokens", 100)
                .build(), CLIENT_TIMEOUT);
        JsonObject content = result.getJsonObject("content");
        return "LLM response: " + (content == null ? "" : content.getString("text", ""));
    }

    @Tool(name = "test_elicitation", description = "Asks the user")
    public String elicitation(@ToolArg(description = "The message to show the user") String message, Elicitation elicitation) {
        JsonObject result = elicitation.elicit(message, Schemas.USER_DETAILS, CLIENT_TIMEOUT);
        return "User response: <action: " + result.getString("action", "") + ", content: " + result.get("content") + ">";
    }

    @Tool(name = "test_elicitation_sep1034_defaults", description = "Elicitation with defaults")
    public String elicitationDefaults(Elicitation elicitation) {
        JsonObject result = elicitation.elicit("Please review and update the form fields with defaults",
                Schemas.WITH_DEFAULTS, CLIENT_TIMEOUT);
        return "Elicitation completed: action=" + result.getString("action", "") + ", content=" + result.get("content");
    }

    @Tool(name = "test_elicitation_sep1330_enums", description = "Elicitation with enum schemas")
    public String elicitationEnums(Elicitation elicitation) {
        JsonObject result = elicitation.elicit("Please select options from the enum fields", Schemas.ENUMS, CLIENT_TIMEOUT);
        return "Elicitation completed: action=" + result.getString("action", "") + ", content=" + result.get("content");
    }

    public record Address(String street, String city) {
    }

    /**
     * The server passes the schema through unchanged and checks only the argument names and types; the
     * conditions it does not evaluate (allOf/anyOf, if/then/else) the tool checks itself.
     */
    @Tool(name = "json_schema_2020_12_tool", description = "Tool with JSON Schema 2020-12 features", inputSchema = Schemas.JSON_SCHEMA_2020_12)
    public String jsonSchema(Optional<String> name, Optional<Address> address, Optional<String> contactMethod,
                             Optional<String> phone, Optional<String> email) {
        boolean byPhone = contactMethod.filter("phone"::equals).isPresent();
        if (byPhone ? phone.isEmpty() : email.isEmpty()) {
            throw new ToolCallException(byPhone ? "contactMethod 'phone' needs a phone" : "without contactMethod 'phone', email is required");
        }
        return "Received " + name.orElse("(no name)") + address.map(at -> " at " + at.city()).orElse("")
                + ", contact by " + (byPhone ? phone.get() : email.get());
    }

    @Tool(name = "test_reconnection", description = "Closes the client's connection to its stream before answering")
    public String reconnection(ResponseStream stream) {
        stream.closeConnection();
        pause();
        return "Reconnection test completed";
    }

    /** The ~50 ms between steps the suite's descriptions ask for, so that messages arrive apart. */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
