package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.oauth.OAuthSettings;

/**
 * Who may use the MCP endpoints: callers with an access token for this server, and for each
 * message the scope it needs (mcp:list to list and read, mcp:call to call tools), as its handler declares it
 * ({@link McpMethod.Access}; a method nobody handles needs the most, mcp:call). In open mode
 * ({@code mcp.open-access=true}, for local experiments and the conformance suite) anyone may, as
 * "anonymous"; the server says so loudly when it starts.
 */
@ApplicationScoped
public class McpAccess {

    private static final Logger LOG = Logger.getLogger(McpAccess.class.getName());

    @Inject
    @ConfigProperty(name = "mcp.open-access", defaultValue = "false")
    boolean open;

    @Inject
    Challenges challenges;

    @Inject
    McpDispatcher dispatcher;

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (open) {
            LOG.severe("*** OPEN ACCESS: mcp.open-access=true. Anyone who can reach this server may call its tools, "
                    + "without signing in. Use it for local experiments only. ***");
        }
    }

    public boolean isOpen() {
        return open;
    }

    private static List<String> scopes(Object claim) {
        String scope = claim instanceof jakarta.json.JsonString string ? string.getString() : claim instanceof String string ? string : "";
        return List.of(scope.split(" "));
    }

    /** The OAuth scope that grants this access; null when any valid token does. */
    static String scope(McpMethod.Access access) {
        return switch (access) {
            case OPEN -> null;
            case LIST -> OAuthSettings.SCOPE_LIST;
            case CALL -> OAuthSettings.SCOPE_CALL;
        };
    }

    /** Refuses, with 403 insufficient_scope, messages the caller's token does not allow. */
    void requireScopes(JsonRpcBody body, SecurityContext security, String endpoint) {
        if (open) {
            return;
        }
        List<String> granted = security.getUserPrincipal() instanceof JsonWebToken token ? scopes(token.getClaim("scope")) : List.of();
        for (JsonRpcMessage message : body.messages()) {
            if (message instanceof JsonRpcMessage.Request request) {
                String needed = scope(dispatcher.method(request.method()).access());
                if (needed != null && !granted.contains(needed)) {
                    throw new WebApplicationException(Response.fromResponse(McpHttpErrors.response(Response.Status.FORBIDDEN, request.id(),
                                    new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Forbidden: " + request.method()
                                            + " needs the scope " + needed + ", which the access token does not have")))
                            .header("WWW-Authenticate", challenges.insufficientScope(endpoint, needed)).build());
                }
            }
        }
    }
}
