package org.jakartamcp.mcp.server.prompts;

import java.util.Arrays;
import java.util.List;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.PlainCaching;
import org.jakartamcp.mcp.spi.Prompt;
import org.jakartamcp.testing.PlainBeans;

/** prompts/list and prompts/get over the {@link Prompt} methods of these classes. */
public final class PlainPrompts {

    private PlainPrompts() {
    }

    public static PromptsHandler handler(BeanMethods beanMethods, ServerInfo serverInfo, Class<?>... classes) {
        List<PromptDefinition> prompts = Arrays.stream(classes)
                .flatMap(type -> Arrays.stream(type.getMethods()).filter(method -> method.isAnnotationPresent(Prompt.class))
                        .map(method -> PromptDiscoveryExtension.read(PlainBeans.bean(type), method)))
                .toList();
        PromptsHandler handler = new PromptsHandler();
        handler.discovery = new PromptDiscoveryExtension() {
            @Override
            List<PromptDefinition> prompts() {
                return prompts;
            }
        };
        handler.beanMethods = beanMethods;
        handler.serverInfo = serverInfo;
        handler.cacheHints = PlainCaching.defaults();
        handler.order();
        return handler;
    }
}
