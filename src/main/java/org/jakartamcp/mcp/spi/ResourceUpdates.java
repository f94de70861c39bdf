package org.jakartamcp.mcp.spi;

/**
 * Tells the clients that subscribed to a resource that it changed
 * ({@code notifications/resources/updated}). Inject it where the data behind a resource changes.
 */
public interface ResourceUpdates {

    void updated(String uri);

    /** Tells only the given user's subscribed sessions, for a resource whose content is per user. */
    void updated(String uri, String principal);
}
