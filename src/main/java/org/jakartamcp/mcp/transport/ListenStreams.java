package org.jakartamcp.mcp.transport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.resources.ResourceSubscriptions;
import org.jakartamcp.mcp.server.resources.ResourceSubscriptions.ResourceUpdated;
import org.jakartamcp.mcp.server.resources.ResourcesHandler;
import org.jakartamcp.mcp.server.subscriptions.ListChanged;
import org.jakartamcp.mcp.server.subscriptions.ListenHandler;
import org.jakartamcp.mcp.server.subscriptions.SubscriptionFilter;
import org.jakartamcp.mcp.session.McpSession;

/**
 * subscriptions/listen (2026-07-28): the request's own event stream stays open and carries the list
 * changes and resource updates its filter names, after an acknowledgment of what the server agreed to
 * send. The client ends it by closing the stream; the server ends it (when it shuts down) with a
 * response to the listen request. No thread waits on an open stream: notifications are written by
 * whoever caused them, and the keep-alives of {@link OpenStreams} notice a client that went away.
 */
@ApplicationScoped
class ListenStreams {

    static final String METHOD = ListenHandler.LISTEN;

    @Inject
    OpenStreams connections;

    @Inject
    ResourceSubscriptions subscriptions;

    @Inject
    ResourcesHandler resources;

    @Inject
    McpLimits limits;

    @Inject
    ListenLimits listenLimits;

    @Inject
    TransportSettings settings;

    private Listeners listeners;

    @PostConstruct
    void create() {
        listeners = new Listeners(listenLimits.maxListensPerUser());
    }

    /** Opens the listen stream of a validated 2026-07-28 request; refused (before the stream starts) when its filter is invalid or the user has too many. */
    void open(JsonRpcMessage.Request request, McpSession session, SseEventSink sink, Sse sse) {
        SubscriptionFilter honored;
        try {
            honored = SubscriptionFilter.of(request.params(), limits.maxSubscriptionsPerSession())
                    .honored(true, true, resources::serves);
        } catch (JsonRpcError e) {
            throw new WebApplicationException(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonRpcResponses.error(request.id(), e).toString()).build());
        }
        String principal = session.principal();
        boolean reserved = listeners.reserve(principal);
        if (!reserved) {
            // the newest listen wins: a client that opens one more has most likely left an older one behind (a
            // process that exited, whose closed connection the server notices only at its next keep-alive)
            listeners.oldest(principal).ifPresent(this::endGracefully);
            reserved = listeners.reserve(principal);
        }
        if (!reserved) {
            throw McpHttpErrors.tooManyRequests(settings.keepAlive().toSeconds(), "Too many subscriptions: " + principal
                    + " already has " + listeners.maxPerUser() + " subscriptions/listen streams open on this server; close one first");
        }
        OpenStreams.Place place;
        try {
            place = connections.reserve(principal);
        } catch (RuntimeException e) {
            listeners.giveBack(principal);
            throw e;
        }
        Listeners.Listen listen = new Listeners.Listen(request.id(), session, honored);
        EventStream stream = connections.open(place, session, sink, sse, () -> end(listen));
        listen.connect(new Listeners.Output() {
            @Override
            public boolean send(String data) {
                return stream.send(null, data);
            }

            @Override
            public void close() {
                stream.close();
            }
        });
        // registered before its acknowledgment is written, so that no change after it is missed, and
        // nothing is written before it
        listen.start(() -> {
            subscriptions.follow(session, honored.resourceUris());
            if (!listeners.add(listen)) {
                subscriptions.forget(session); // ended before it was added: its end found nothing to forget yet
            }
        });
    }

    /** Ends a subscription from the server's side: a response to its listen request, then the end of its stream. */
    private void endGracefully(Listeners.Listen listen) {
        listen.finish();
        end(listen);
    }

    private void end(Listeners.Listen listen) {
        if (listeners.end(listen)) {
            subscriptions.forget(listen.session());
        }
    }

    void onListChanged(@Observes ListChanged change) {
        listeners.listChanged(change.kind());
    }

    /** Updates of resources that a listen follows (sessions' updates go to their own streams: {@link ResourceUpdateDelivery}). */
    void onResourceUpdated(@Observes ResourceUpdated update) {
        listeners.resourceUpdated(update.session(), update.uri());
    }

    /** The server shuts down: each subscription ends gracefully, with a response to its listen request. */
    @PreDestroy
    void endAll() {
        listeners.all().forEach(this::endGracefully);
    }
}
