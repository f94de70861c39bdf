package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.server.resources.ResourceSubscriptions.ResourceUpdated;
import org.jakartamcp.mcp.server.resources.ResourceSubscriptions.StoredSessionUpdated;
import org.jakartamcp.mcp.session.McpSession;

/**
 * Sends notifications/resources/updated on the stream that carries messages answering no request:
 * the HTTP+SSE session's stream, or the Streamable HTTP session's standalone stream (kept for
 * resumption even while no GET is connected); for a Streamable HTTP session another instance holds (or none), its
 * standalone stream's event log.
 */
@ApplicationScoped
public class ResourceUpdateDelivery {

    private static final Logger LOG = Logger.getLogger(ResourceUpdateDelivery.class.getName());

    @Inject
    OpenStreams connections;

    @Inject
    ResumableStreams streams;

    void deliver(@Observes ResourceUpdated update) {
        McpSession session = update.session();
        if (session.isStateless()) {
            return; // a subscriptions/listen stream's: ListenStreams delivers it
        }
        var notification = notification(update.uri());
        if (session.transport() == McpSession.Transport.SSE) {
            connections.of(session).ifPresent(stream -> stream.send("message", notification.toString()));
        } else {
            streams.standalone(session).send(notification);
        }
    }

    /**
     * A Streamable HTTP session this instance does not hold follows the resource: the notice goes into its standalone
     * stream's event log, where the client finds it when it resumes the stream, on any instance.
     */
    void deliver(@Observes StoredSessionUpdated update) {
        try {
            streams.log().append(update.sessionHash(), ResumableStreams.STANDALONE, notification(update.uri()).toString());
        } catch (RuntimeException e) {
            // the session ended meanwhile (its row, and with it the subscription, is gone): nobody is left to tell
            LOG.log(Level.FINE, "Resource update not logged for a session that ended", e);
        }
    }

    private static JsonObject notification(String uri) {
        return JsonRpcResponses.notification("notifications/resources/updated", JSON.createObjectBuilder().add("uri", uri).build());
    }
}
