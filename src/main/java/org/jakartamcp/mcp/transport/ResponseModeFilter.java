package org.jakartamcp.mcp.transport;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.McpDispatcher;

/**
 * Chooses how a POST to a Streamable HTTP endpoint ({@code /mcp}, {@code /sse}) is answered before
 * JAX-RS picks the resource method: with an event stream when the call may talk to the client before
 * its result (progress, logs, sampling), with one JSON document otherwise, which is cheaper. It reads
 * the body once and hands it on, with the session resolved at most once ({@link StreamableHttpPost}).
 */
@Provider
@PreMatching
public class ResponseModeFilter implements ContainerRequestFilter {

    @Inject
    McpRequestReader reader;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    StreamableHttpSessions sessions;

    @Inject
    McpAccess access;

    @Inject
    StatelessStreams statelessStreams;

    @Override
    public void filter(ContainerRequestContext request) {
        String endpoint = McpEndpoints.streamableHttp(request.getUriInfo());
        if (!HttpMethod.POST.equals(request.getMethod()) || endpoint == null) {
            return;
        }
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        JsonRpcBody body = reader.read(request.getHeaderString(HttpHeaders.CONTENT_TYPE), request.getLength(), request.getEntityStream());
        SecurityContext security = request.getSecurityContext();
        String sessionId = request.getHeaderString(StreamableHttpSessions.SESSION_HEADER);
        String version = request.getHeaderString(StreamableHttpSessions.VERSION_HEADER);
        StreamableHttpPost post = new StreamableHttpPost(body, accepted, () -> sessions.resolve(sessionId, version, security));
        request.setProperty(StreamableHttpPost.ATTRIBUTE, post);
        access.requireScopes(body, security, endpoint);
        // A request with a session problem goes the JSON way, which answers it with the right error status.
        boolean stateless = StatelessRequests.isStateless(version, body);
        boolean stream = accepted.stream().anyMatch(type -> type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE)
                && !type.isWildcardType()) && (stateless ? statelessStreams.streams(body) : streams(body) && post.resolves());
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, stream ? MediaType.SERVER_SENT_EVENTS : MediaType.APPLICATION_JSON);
    }

    private boolean streams(JsonRpcBody body) {
        return !body.batch() && body.messages().size() == 1
                && body.messages().get(0) instanceof JsonRpcMessage.Request request
                && dispatcher.method(request.method()).talksToClient(request.params());
    }
}
