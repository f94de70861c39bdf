package org.jakartamcp.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jakartamcp.mcp.spi.ListChanges;
import org.jakartamcp.mcp.spi.McpLog;
import org.jakartamcp.mcp.spi.Progress;
import org.jakartamcp.mcp.spi.Tool;

/**
 * Test-only: the diagnostic tools the suite's server-stateless scenario calls to exercise response
 * streams and subscriptions/listen (list changes on demand). Deployed only into test WARs.
 */
@ApplicationScoped
public class StreamFixtures {

    @Inject
    ListChanges lists;

    @Tool(name = "test_streaming_elicitation", description = "Diagnostic tool validating response progress streams")
    public String streaming(Progress progress, McpLog log) {
        progress.report(50, 100.0, "Half way");
        log.info("Streaming");
        return "Streaming complete";
    }

    @Tool(name = "test_logging_tool", description = "Diagnostic logging validator tool")
    public String logging(McpLog log) {
        log.info("Diagnostic trace logging activated");
        log.debug("Diagnostic detail");
        return "Logging evaluated";
    }

    @Tool(name = "test_trigger_tool_change", description = "Tells listening clients that the tool list changed")
    public String toolChange() {
        lists.toolsChanged();
        return "Mutation triggered";
    }

    @Tool(name = "test_trigger_prompt_change", description = "Tells listening clients that the prompt list changed")
    public String promptChange() {
        lists.promptsChanged();
        return "Mutation triggered";
    }

    @Tool(name = "test_trigger_resource_change", description = "Tells listening clients that the resource list changed")
    public String resourceChange() {
        lists.resourcesChanged();
        return "Mutation triggered";
    }
}
