package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.spi.Tool;

/**
 * Finds {@link Tool} methods on CDI beans while the application deploys, and fails the deployment
 * for a tool that clients could not use (bad name, no description, a name used twice).
 */
public class ToolDiscoveryExtension implements Extension {

    private final List<ToolDefinition> found = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Map<String, ToolDefinition> tools = Map.of();

    <T> void onManagedBean(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, Tool.class)) {
            try {
                found.add(ToolDefinitions.read(method.bean(), method.method()));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Map<String, ToolDefinition> byName = new LinkedHashMap<>();
        for (ToolDefinition tool : found) {
            ToolDefinition other = byName.putIfAbsent(tool.name(), tool);
            if (other != null) {
                problems.add("tool name '" + tool.name() + "' is used by both " + other.method() + " and " + tool.method());
            }
        }
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalStateException("MCP: " + problem)));
        tools = Map.copyOf(byName);
        found.clear();
    }

    Map<String, ToolDefinition> tools() {
        return tools;
    }
}
