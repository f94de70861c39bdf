package org.jakartamcp.mcp.server.resources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionEnded;
import org.jakartamcp.mcp.spi.ResourceUpdates;

/**
 * Which sessions follow which resource URIs, and the notice to them when one changes. Delivery is
 * the transports' business: they observe {@link ResourceUpdated}.
 */
@ApplicationScoped
public class ResourceSubscriptions implements ResourceUpdates {

    /** A resource changed; its subscribers must be told. */
    public record ResourceUpdated(McpSession session, String uri) {
    }

    @Inject
    Event<ResourceUpdated> notices;

    private final Map<String, Set<McpSession>> subscribers = new ConcurrentHashMap<>();

    void subscribe(McpSession session, String uri) {
        subscribers.computeIfAbsent(uri, key -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(McpSession session, String uri) {
        Set<McpSession> sessions = subscribers.get(uri);
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    void forget(@Observes SessionEnded ended) {
        subscribers.values().forEach(sessions -> sessions.remove(ended.session()));
    }

    @Override
    public void updated(String uri) {
        subscribers.getOrDefault(uri, Set.of()).forEach(session -> notices.fire(new ResourceUpdated(session, uri)));
    }

    @Override
    public void updated(String uri, String principal) {
        subscribers.getOrDefault(uri, Set.of()).stream()
                .filter(session -> session.principal().equals(principal))
                .forEach(session -> notices.fire(new ResourceUpdated(session, uri)));
    }
}
