package org.jakartamcp.mcp.server.resources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.annotation.PostConstruct;
import org.jakartamcp.mcp.server.McpLimits;
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

    @Inject
    McpLimits limits;

    private SubscriptionTable subscribers;

    @PostConstruct
    void createTable() {
        subscribers = new SubscriptionTable(limits.maxSubscriptionsPerSession());
    }

    void subscribe(McpSession session, String uri) {
        subscribers.subscribe(session, uri);
    }

    void unsubscribe(McpSession session, String uri) {
        subscribers.unsubscribe(session, uri);
    }

    void forget(@Observes SessionEnded ended) {
        subscribers.forget(ended.session());
    }

    /**
     * A subscriptions/listen stream (2026-07-28) follows these URIs while it is open; its own stateless
     * session is the key, so {@link ResourceUpdated} names it. Within the per-session maximum.
     */
    public void follow(McpSession listener, java.util.Collection<String> uris) {
        uris.forEach(uri -> subscribers.subscribe(listener, uri));
    }

    /** The listen stream ended: it follows nothing any more. */
    public void forget(McpSession listener) {
        subscribers.forget(listener);
    }

    @Override
    public void updated(String uri) {
        subscribers.followers(uri).forEach(session -> notices.fire(new ResourceUpdated(session, uri)));
    }

    @Override
    public void updated(String uri, String principal) {
        subscribers.followers(uri).stream()
                .filter(session -> session.principal().equals(principal))
                .forEach(session -> notices.fire(new ResourceUpdated(session, uri)));
    }
}
