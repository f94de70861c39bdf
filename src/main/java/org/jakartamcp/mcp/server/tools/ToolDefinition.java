package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.spi.Caller;

/**
 * A discovered tool: what clients see of it, and the bean method that runs it. What every call asks of it (its
 * argument names, whether it talks to the client) is worked out once, here.
 *
 * @param argumentNames    the parameters a client passes, in order
 * @param talksToTheClient whether a call may send the client something before its result (progress, log messages,
 *                         requests), so that its response should be an event stream rather than one JSON document
 */
record ToolDefinition(String name, JsonObject descriptor, JsonObject descriptorWithoutStructuredOutput,
                      Bean<?> bean, Method method, List<ToolParameter> parameters, boolean structuredResult, Set<String> groups,
                      boolean machineCallers, List<String> argumentNames, boolean talksToTheClient) {

    ToolDefinition(String name, JsonObject descriptor, JsonObject descriptorWithoutStructuredOutput,
                   Bean<?> bean, Method method, List<ToolParameter> parameters, boolean structuredResult, Set<String> groups,
                   boolean machineCallers) {
        this(name, descriptor, descriptorWithoutStructuredOutput, bean, method, parameters, structuredResult, groups, machineCallers,
                parameters.stream().filter(ToolParameter::isArgument).map(ToolParameter::name).toList(),
                parameters.stream().anyMatch(parameter -> parameter.supplied() != null
                        && parameter.supplied() != org.jakartamcp.mcp.spi.Cancellation.class && parameter.supplied() != Caller.class));
    }

    /** The same tool, callable only by members of these groups (anyone when empty). */
    ToolDefinition limitedTo(Set<String> allowed) {
        return new ToolDefinition(name, descriptor, descriptorWithoutStructuredOutput, bean, method, parameters, structuredResult,
                Set.copyOf(allowed), machineCallers);
    }

    /** The same tool, callable by service clients or not. */
    ToolDefinition withMachineCallers(boolean allowed) {
        return new ToolDefinition(name, descriptor, descriptorWithoutStructuredOutput, bean, method, parameters, structuredResult,
                groups, allowed);
    }

    /** A service client only where the tool allows machine callers; a person by the tool's groups. */
    boolean allows(Caller caller) {
        return (!caller.machine() || machineCallers) && (groups.isEmpty() || caller.isInAnyOf(groups));
    }
}
