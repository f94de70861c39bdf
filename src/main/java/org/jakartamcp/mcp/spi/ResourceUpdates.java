package org.jakartamcp.mcp.spi;

/**
 * Tells the clients that subscribed to a resource that it changed
 * ({@code notifications/resources/updated}). Inject it where the data behind a resource changes.
 */
public interface ResourceUpdates {

    void updated(String uri);
}
