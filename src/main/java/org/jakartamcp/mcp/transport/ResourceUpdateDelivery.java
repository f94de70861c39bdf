package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.server.resources.ResourceSubscriptions.ResourceUpdated;
import org.jakartamcp.mcp.session.McpSession;

/**
 * Sends notifications/resources/updated on the stream that carries messages answering no request:
 * the HTTP+SSE session's stream, or the Streamable HTTP session's standalone stream (kept for
 * resumption even while no GET is connected).
 */
@ApplicationScoped
public class ResourceUpdateDelivery {

    @Inject
    OpenStreams connections;

    @Inject
    ResumableStreams streams;

    void deliver(@Observes ResourceUpdated update) {
        McpSession session = update.session();
        if (session.isStateless()) {
            return; // a subscriptions/listen stream's: ListenStreams delivers it
        }
        var notification = JsonRpcResponses.notification("notifications/resources/updated",
                JSON.createObjectBuilder().add("uri", update.uri()).build());
        if (session.transport() == McpSession.Transport.SSE) {
            connections.of(session).ifPresent(stream -> stream.send("message", notification.toString()));
        } else {
            streams.standalone(session).send(notification);
        }
    }
}
