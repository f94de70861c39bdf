package org.jakartamcp.mcp.spi;

/** Who sent the request being handled; a {@link Resource} method may take it as a parameter. */
public record Caller(String principal) {
}
