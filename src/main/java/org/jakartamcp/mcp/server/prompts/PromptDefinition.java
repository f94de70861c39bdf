package org.jakartamcp.mcp.server.prompts;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;

/** A discovered prompt: what clients see of it and the bean method that renders it. */
record PromptDefinition(String name, JsonObject descriptor, Bean<?> bean, Method method, List<Argument> arguments) {

    record Argument(String name, boolean required) {
    }
}
