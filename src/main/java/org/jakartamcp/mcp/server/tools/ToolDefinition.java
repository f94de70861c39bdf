package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;

/** A discovered tool: what clients see of it, and the bean method that runs it. */
record ToolDefinition(String name, JsonObject descriptor, JsonObject descriptorWithoutStructuredOutput,
                      Bean<?> bean, Method method, List<ToolParameter> parameters, boolean structuredResult) {

    List<String> argumentNames() {
        return parameters.stream().filter(ToolParameter::isArgument).map(ToolParameter::name).toList();
    }
}
