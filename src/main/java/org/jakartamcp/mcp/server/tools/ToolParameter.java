package org.jakartamcp.mcp.server.tools;

import java.lang.reflect.Type;

/**
 * One parameter of a tool method: an argument the client sends, or something the server supplies
 * (progress, cancellation), in which case {@code name} is null.
 */
record ToolParameter(String name, Type type, boolean required, Class<?> supplied) {

    boolean isArgument() {
        return supplied == null;
    }
}
