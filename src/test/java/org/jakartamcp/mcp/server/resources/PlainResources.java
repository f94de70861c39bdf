package org.jakartamcp.mcp.server.resources;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.PlainCaching;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.ResourceTemplate;
import org.jakartamcp.testing.PlainBeans;

/** The resources/* methods over the {@link Resource} and {@link ResourceTemplate} methods of these classes. */
public final class PlainResources {

    private PlainResources() {
    }

    public static ResourcesHandler handler(BeanMethods beanMethods, ServerInfo serverInfo, McpLimits limits, Class<?>... classes) {
        ResourcesHandler handler = new ResourcesHandler();
        handler.discovery = discovery(classes);
        ResourceSubscriptions subscriptions = new ResourceSubscriptions();
        subscriptions.notices = PlainBeans.silentEvent();
        subscriptions.limits = limits;
        subscriptions.stored = new StoredSubscriptionsInMemory();
        subscriptions.createTable();
        handler.subscriptions = subscriptions;
        handler.beanMethods = beanMethods;
        handler.serverInfo = serverInfo;
        handler.limits = limits;
        handler.cacheHints = PlainCaching.defaults();
        handler.order();
        return handler;
    }

    /** What the CDI extension would find in these classes. */
    public static ResourceDiscoveryExtension discovery(Class<?>... classes) {
        List<ResourceDefinition> resources = Arrays.stream(classes).flatMap(type -> annotated(type, Resource.class)
                .map(method -> ResourceDefinitions.resource(PlainBeans.bean(type), method))).toList();
        List<ResourceDefinition> templates = Arrays.stream(classes).flatMap(type -> annotated(type, ResourceTemplate.class)
                .map(method -> ResourceDefinitions.template(PlainBeans.bean(type), method))).toList();
        return new ResourceDiscoveryExtension() {
            @Override
            List<ResourceDefinition> resources() {
                return resources;
            }

            @Override
            List<ResourceDefinition> templates() {
                return templates;
            }
        };
    }

    private static java.util.stream.Stream<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        return Arrays.stream(type.getMethods()).filter(method -> method.isAnnotationPresent(annotation));
    }
}
