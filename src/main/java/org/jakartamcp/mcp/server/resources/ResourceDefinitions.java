package org.jakartamcp.mcp.server.resources;

import jakarta.enterprise.inject.spi.Bean;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.jakartamcp.mcp.server.caching.CacheHints;
import org.jakartamcp.mcp.server.mrtr.ExchangeInput;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.ResourceContents;
import org.jakartamcp.mcp.spi.ResourceTemplate;
import org.jakartamcp.mcp.spi.ResourceTemplateArg;

/** Reads {@link Resource} and {@link ResourceTemplate} methods, or says what is wrong with them. */
final class ResourceDefinitions {

    private ResourceDefinitions() {
    }

    static ResourceDefinition resource(Bean<?> bean, Method method) {
        Resource resource = method.getAnnotation(Resource.class);
        String name = resource.name().isEmpty() ? method.getName() : resource.name();
        if (java.util.Arrays.stream(method.getParameterTypes())
                .anyMatch(type -> type != org.jakartamcp.mcp.spi.Caller.class && !ExchangeInput.TYPES.contains(type))) {
            throw new IllegalArgumentException("resource " + resource.uri() + " of " + method
                    + " may take only parameters the server supplies: Caller, " + ExchangeInput.TYPES);
        }
        requireReturnType(method);
        CacheHints.requireValid(method);
        JsonObjectBuilder descriptor = JSON.createObjectBuilder().add("uri", resource.uri()).add("name", name);
        describe(descriptor, resource.title(), resource.description(), resource.mimeType());
        return new ResourceDefinition(name, resource.uri(), null, resource.mimeType(), descriptor.build(), bean, method, List.of());
    }

    static ResourceDefinition template(Bean<?> bean, Method method) {
        ResourceTemplate template = method.getAnnotation(ResourceTemplate.class);
        String name = template.name().isEmpty() ? method.getName() : template.name();
        UriTemplate uriTemplate = new UriTemplate(template.uriTemplate());
        List<String> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            ResourceTemplateArg arg = parameter.getAnnotation(ResourceTemplateArg.class);
            String variable = arg != null ? arg.name() : parameter.getName();
            if (parameter.getType() != String.class || !uriTemplate.variables().contains(variable)) {
                throw new IllegalArgumentException(method + ": parameter " + parameter.getName()
                        + " must be a String named after a variable of " + template.uriTemplate());
            }
            parameters.add(variable);
        }
        requireReturnType(method);
        CacheHints.requireValid(method);
        JsonObjectBuilder descriptor = JSON.createObjectBuilder().add("uriTemplate", template.uriTemplate()).add("name", name);
        describe(descriptor, template.title(), template.description(), template.mimeType());
        return new ResourceDefinition(name, null, uriTemplate, template.mimeType(), descriptor.build(), bean, method, List.copyOf(parameters));
    }

    private static void describe(JsonObjectBuilder descriptor, String title, String description, String mimeType) {
        if (!title.isBlank()) {
            descriptor.add("title", title);
        }
        descriptor.add("description", description);
        if (!mimeType.isBlank()) {
            descriptor.add("mimeType", mimeType);
        }
    }

    private static void requireReturnType(Method method) {
        Class<?> type = method.getReturnType();
        if (type != String.class && type != byte[].class && type != ResourceContents.class && !List.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(method + " must return ResourceContents, a list of them, String or byte[]");
        }
    }
}
