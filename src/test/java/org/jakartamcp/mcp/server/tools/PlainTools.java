package org.jakartamcp.mcp.server.tools;

import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.PlainCaching;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.testing.PlainBeans;

/** tools/list and tools/call over the {@link Tool} methods of these classes, read as the deployment reads them. */
public final class PlainTools {

    private PlainTools() {
    }

    /** @param timeLimitSeconds how long one call may run (mcp.tool-time-limit-seconds) */
    public static ToolsHandler handler(BeanMethods beanMethods, Validator validator, ServerInfo serverInfo, AuditTrail audit,
                                       McpLimits limits, int timeLimitSeconds, Class<?>... toolClasses) {
        ToolRegistry registry = registry(Map.of(), toolClasses);
        ToolInvoker invoker = new ToolInvoker();
        invoker.beanMethods = beanMethods;
        invoker.validator = validator;
        invoker.createJsonb();
        ToolsHandler handler = new ToolsHandler();
        handler.registry = registry;
        handler.invoker = invoker;
        handler.serverInfo = serverInfo;
        handler.toolCalls = PlainBeans.silentEvent();
        handler.audit = audit;
        handler.limits = limits;
        handler.cacheHints = PlainCaching.defaults();
        handler.timeLimitSeconds = timeLimitSeconds;
        return handler;
    }

    /** The registry of the {@link Tool} methods of these classes, with these settings (MicroProfile Config). */
    public static ToolRegistry registry(Map<String, String> settings, Class<?>... toolClasses) {
        Map<String, ToolDefinition> tools = Arrays.stream(toolClasses)
                .flatMap(type -> Arrays.stream(type.getMethods()).filter(method -> method.isAnnotationPresent(Tool.class))
                        .map(method -> ToolDefinitions.read(PlainBeans.bean(type), method)))
                .collect(Collectors.toMap(ToolDefinition::name, tool -> tool));
        ToolRegistry registry = new ToolRegistry();
        registry.discovery = new ToolDiscoveryExtension() {
            @Override
            Map<String, ToolDefinition> tools() {
                return tools;
            }
        };
        registry.config = PlainBeans.config(settings);
        registry.order();
        return registry;
    }
}
