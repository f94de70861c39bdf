package org.jakartamcp.mcp.server.prompts;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A discovered prompt: what clients see of it and the bean method that renders it. {@code supplied}
 * has one entry per method parameter: the type the server supplies ({@link org.jakartamcp.mcp.spi.Elicitation}, ...),
 * or null for the next of the {@code arguments}.
 */
record PromptDefinition(String name, JsonObject descriptor, Bean<?> bean, Method method, List<Argument> arguments,
                        List<Class<?>> supplied) {

    record Argument(String name, boolean required) {
    }
}
