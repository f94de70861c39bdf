package org.jakartamcp.mcp.server.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionEnded;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.mcp.spi.ResourceUpdates;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;

/**
 * Which sessions follow which resource URIs, and the notice to them when one changes, wherever the change happened.
 * A Streamable HTTP session's subscriptions are kept with it in the database ({@link SubscriptionRepository}): any
 * instance serves its next request, and the instance where a resource changes tells each follower, through its
 * standalone stream's event log, once. What lives on one instance only is followed in memory there: an HTTP+SSE
 * session's subscriptions (the session ends with its stream, and its messages are answered on the stream's instance)
 * and a subscriptions/listen stream's; the other instances hear of a change through a {@link ClusterSignal}.
 * Delivery is the transports' business: they observe {@link ResourceUpdated} and {@link StoredSessionUpdated}.
 */
@ApplicationScoped
public class ResourceSubscriptions implements ResourceUpdates {

    /** A resource changed; its subscriber, a session this instance holds, must be told. */
    public record ResourceUpdated(McpSession session, String uri) {
    }

    /** A resource changed; its subscriber is a session this instance does not hold, known by its hash. */
    public record StoredSessionUpdated(String sessionHash, String uri) {
    }

    @Inject
    Event<ResourceUpdated> notices;

    @Inject
    Event<StoredSessionUpdated> storedNotices;

    @Inject
    McpLimits limits;

    @Inject
    SubscriptionRepository stored;

    @Inject
    SessionStore sessions;

    @Inject
    ClusterSignals signals;

    private SubscriptionTable inMemory;

    @PostConstruct
    void createTable() {
        inMemory = new SubscriptionTable(limits.maxSubscriptionsPerSession());
    }

    void subscribe(McpSession session, String uri) {
        if (isStored(session)) {
            stored.subscribe(session.idHash(), session.principal(), uri, limits.maxSubscriptionsPerSession());
        } else {
            inMemory.subscribe(session, uri);
        }
    }

    void unsubscribe(McpSession session, String uri) {
        if (isStored(session)) {
            stored.unsubscribe(session.idHash(), uri);
        } else {
            inMemory.unsubscribe(session, uri);
        }
    }

    /** A session ended or left this instance's cache: it follows nothing here (its stored subscriptions go with its row). */
    void forget(@Observes SessionEnded ended) {
        inMemory.forget(ended.session());
    }

    /**
     * A subscriptions/listen stream (2026-07-28) follows these URIs while it is open; its own stateless
     * session is the key, so {@link ResourceUpdated} names it. Within the per-session maximum.
     */
    public void follow(McpSession listener, Collection<String> uris) {
        uris.forEach(uri -> inMemory.subscribe(listener, uri));
    }

    /** The listen stream ended: it follows nothing any more. */
    public void forget(McpSession listener) {
        inMemory.forget(listener);
    }

    @Override
    public void updated(String uri) {
        updated(uri, null);
    }

    @Override
    public void updated(String uri, String principal) {
        tellFollowersInMemory(uri, session -> principal == null || session.principal().equals(principal));
        signals.publish(ClusterSignal.Topic.RESOURCE_UPDATED, UpdateSignal.of(uri, principal).subject());
        for (String hash : stored.followers(uri, principal)) {
            Optional<McpSession> held = sessions.held(hash);
            if (held.isPresent()) {
                notices.fire(new ResourceUpdated(held.get(), uri));
            } else {
                storedNotices.fire(new StoredSessionUpdated(hash, uri));
            }
        }
    }

    /** A resource changed on another instance: this one tells the followers only it has (the stored ones were told there). */
    void onSignal(@Observes ClusterSignal signal) {
        if (signal.topic() != ClusterSignal.Topic.RESOURCE_UPDATED) {
            return;
        }
        UpdateSignal.parse(signal.subject()).ifPresent(update -> inMemory.followedUris().stream().filter(update::isAbout)
                .forEach(uri -> tellFollowersInMemory(uri, session -> update.concerns(session.principal()))));
    }

    private void tellFollowersInMemory(String uri, Predicate<McpSession> concerned) {
        inMemory.followers(uri).stream().filter(concerned).forEach(session -> notices.fire(new ResourceUpdated(session, uri)));
    }

    /** A Streamable HTTP session's subscriptions are stored with it; any other's live where its stream does. */
    private static boolean isStored(McpSession session) {
        return !session.isStateless() && session.transport() == McpSession.Transport.STREAMABLE_HTTP;
    }
}
