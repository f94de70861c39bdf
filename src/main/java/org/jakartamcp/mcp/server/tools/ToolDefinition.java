package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;

/** A discovered tool: what clients see of it, and the bean method that runs it. */
record ToolDefinition(String name, JsonObject descriptor, JsonObject descriptorWithoutStructuredOutput,
                      Bean<?> bean, Method method, List<ToolParameter> parameters, boolean structuredResult) {

    /**
     * Whether a call may send the client something before its result (progress, log messages,
     * requests), so that its response should be an event stream rather than one JSON document.
     */
    boolean talksToTheClient() {
        return parameters.stream().anyMatch(parameter -> parameter.supplied() != null
                && parameter.supplied() != org.jakartamcp.mcp.spi.Cancellation.class);
    }

    List<String> argumentNames() {
        return parameters.stream().filter(ToolParameter::isArgument).map(ToolParameter::name).toList();
    }
}
