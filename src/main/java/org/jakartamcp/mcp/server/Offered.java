package org.jakartamcp.mcp.server;

/** A tool, resource or resource template as a person reading the landing page sees it. */
public record Offered(String name, String title, String description) {
}
