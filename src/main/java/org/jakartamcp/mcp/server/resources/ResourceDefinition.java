package org.jakartamcp.mcp.server.resources;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A discovered resource or resource template: what clients see of it and the bean method that
 * reads it. For a template, {@code parameters} names the variable each method parameter receives.
 */
record ResourceDefinition(String name, String uri, UriTemplate template, String mimeType, JsonObject descriptor,
                          Bean<?> bean, Method method, List<String> parameters) {

    boolean isTemplate() {
        return template != null;
    }
}
