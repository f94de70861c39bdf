package org.jakartamcp.mcp.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jakartamcp.mcp.jsonrpc.JsonRpcBody;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.server.McpDispatcher;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.tools.ToolRegistry;
import org.jakartamcp.oauth.OAuthSettings;

/**
 * Who may use the MCP endpoints: callers with an access token for this server, and for each
 * message the scope it needs (mcp:list to list and read, mcp:call to call tools), as its handler declares it
 * ({@link McpMethod.Access}; a method nobody handles needs the most, mcp:call), and for a tool call the tool's own
 * scopes ({@code @Tool(scopes)}, step-up). In open mode
 * ({@code mcp.open-access=true}, for local experiments and the conformance suite) anyone may, as
 * "anonymous"; the server says so loudly when it starts.
 */
@ApplicationScoped
public class McpAccess {

    private static final Logger LOG = Logger.getLogger(McpAccess.class.getName());
    private static final String TOOLS_CALL = "tools/call";

    @Inject
    @ConfigProperty(name = "mcp.open-access", defaultValue = "false")
    boolean open;

    @Inject
    Challenges challenges;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    ToolRegistry tools;

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

    /**
     * Refuses, with 403 insufficient_scope, messages the caller's token does not allow: the method's scope, and for
     * tools/call the tool's own scopes ({@code @Tool(scopes)}), read from the verified token in memory. The challenge
     * names every scope the client needs, the ones its token has included: a client that re-authorizes with exactly
     * that keeps what it could do (MCP 2025-11-25; 2026-07-28 leaves the union to the client, and it is the same set).
     */
    void requireScopes(JsonRpcBody body, SecurityContext security, String endpoint) {
        if (open) {
            return;
        }
        List<String> granted = security.getUserPrincipal() instanceof JsonWebToken token ? scopes(token.getClaim("scope")) : List.of();
        for (JsonRpcMessage message : body.messages()) {
            if (message instanceof JsonRpcMessage.Request request) {
                Set<String> needed = needed(request);
                if (!granted.containsAll(needed)) {
                    List<String> missing = needed.stream().filter(scope -> !granted.contains(scope)).toList();
                    String tool = TOOLS_CALL.equals(request.method()) ? toolName(request) : null;
                    String what = tool != null && !tools.scopesOf(tool).isEmpty() ? "the tool " + tool : request.method();
                    throw new WebApplicationException(Response.fromResponse(McpHttpErrors.response(Response.Status.FORBIDDEN, request.id(),
                                    new JsonRpcError(JsonRpcError.INVALID_REQUEST, "Forbidden: " + what + " needs the scope "
                                            + String.join(" ", missing) + ", which the access token does not have")))
                            .header("WWW-Authenticate", challenges.insufficientScope(endpoint, challengeScope(granted, needed))).build());
                }
            }
        }
    }

    /** The scopes a request needs: its method's, and a tool call's tool's (a map lookup: no database on this path). */
    private Set<String> needed(JsonRpcMessage.Request request) {
        String methodScope = scope(dispatcher.method(request.method()).access());
        Set<String> toolScopes = TOOLS_CALL.equals(request.method()) && toolName(request) != null ? tools.scopesOf(toolName(request)) : Set.of();
        if (toolScopes.isEmpty()) {
            return methodScope == null ? Set.of() : Set.of(methodScope);
        }
        Set<String> needed = new LinkedHashSet<>();
        if (methodScope != null) {
            needed.add(methodScope);
        }
        needed.addAll(toolScopes);
        return needed;
    }

    private static String toolName(JsonRpcMessage.Request request) {
        return request.params() != null && request.params().get("name") instanceof jakarta.json.JsonString name ? name.getString() : null;
    }

    /** What the challenge asks for: the granted scopes (mcp:list and mcp:call first), then the missing ones, each once. */
    static String challengeScope(List<String> granted, Set<String> needed) {
        Set<String> scope = new LinkedHashSet<>();
        OAuthSettings.SCOPES.stream().filter(granted::contains).forEach(scope::add);
        granted.stream().filter(s -> !s.isEmpty() && !OAuthSettings.SCOPES.contains(s)).forEach(scope::add);
        OAuthSettings.SCOPES.stream().filter(needed::contains).forEach(scope::add);
        scope.addAll(needed);
        return String.join(" ", scope);
    }
}
