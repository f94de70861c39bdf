package org.jakartamcp.mcp.server.lifecycle;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.CacheHints;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.mcp.spi.ProtocolExtension;

/** initialize (with version negotiation), notifications/initialized and ping. */
@ApplicationScoped
public class LifecycleHandler implements McpMethodHandler {

    public static final String INITIALIZE = "initialize";
    static final String INITIALIZED = "notifications/initialized";
    static final String PING = "ping";
    public static final String DISCOVER = "server/discover";

    @Inject
    SessionStore sessions;

    @Inject
    ServerInfo serverInfo;

    @Inject
    McpLimits limits;

    @Inject
    CacheHints cacheHints;

    @Inject
    Instance<ProtocolExtension> extensions;

    /** The extensions offered, by identifier; fixed by the configuration, so found once. */
    private volatile Map<String, JsonObject> offeredExtensions;

    @Override
    public Set<String> methods() {
        return Set.of(INITIALIZE, INITIALIZED, PING, DISCOVER);
    }

    @Override
    public boolean allowedBeforeInitialize(String method) {
        return true;
    }

    @Override
    public McpMethod.Access access(String method) {
        return McpMethod.Access.OPEN;
    }

    /** 2026-07-28 has no handshake and no ping: every request carries what initialize negotiated. */
    @Override
    public boolean inStatelessProtocol(String method) {
        return DISCOVER.equals(method);
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        return switch (method) {
            case PING -> JsonValue.EMPTY_JSON_OBJECT;
            case INITIALIZE -> initialize(params, exchange);
            case DISCOVER -> cacheHints.addToDiscover(discover(exchange), params);
            default -> McpMethodHandler.super.request(method, params, exchange);
        };
    }

    /** What the server speaks and offers, asked before any other request (2026-07-28); who it is goes in _meta, as the schema says. */
    private JsonObject discover(McpExchange exchange) {
        JsonArrayBuilder versions = JSON.createArrayBuilder();
        ProtocolVersion.newestFirst().forEach(versions::add);
        return JSON.createObjectBuilder()
                .add("supportedVersions", versions)
                .add("capabilities", ServerCapabilities.of(exchange.session().protocolVersion(), offeredExtensions()))
                .add("instructions", serverInfo.instructions())
                .add("_meta", JSON.createObjectBuilder().add("io.modelcontextprotocol/serverInfo", serverInfo.implementation()))
                .build();
    }

    private JsonObject initialize(JsonObject params, McpExchange exchange) {
        if (exchange.session().isInitialized()) {
            throw JsonRpcError.invalidRequest("Invalid Request: the session is already initialized");
        }
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            throw JsonRpcError.invalidParams("Invalid params: initialize needs \"protocolVersion\" (a string)");
        }
        JsonObject capabilities = params.get("capabilities") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject clientInfo = params.get("clientInfo") instanceof JsonObject object ? object : null;
        // kept for the session's lifetime, in memory and in the database: bounded before anything else
        requireAtMost("capabilities", capabilities, limits.maxClientCapabilitiesBytes());
        requireAtMost("clientInfo", clientInfo, limits.maxClientInfoBytes());
        ProtocolVersion version = ProtocolVersion.negotiate(requested.getString());
        sessions.initialized(exchange.session(), version, clientInfo, capabilities);
        return JSON.createObjectBuilder()
                .add("protocolVersion", version.id())
                .add("capabilities", ServerCapabilities.of(version, offeredExtensions()))
                .add("serverInfo", serverInfo.implementation())
                .add("instructions", serverInfo.instructions())
                .build();
    }

    private Map<String, JsonObject> offeredExtensions() {
        Map<String, JsonObject> found = offeredExtensions;
        if (found == null) {
            Map<String, JsonObject> offered = new TreeMap<>();
            extensions.stream().filter(ProtocolExtension::offered).forEach(extension -> offered.put(extension.id(), extension.settings()));
            found = Map.copyOf(offered);
            offeredExtensions = found;
        }
        return found;
    }

    private static void requireAtMost(String field, JsonObject value, int maxBytes) {
        if (value != null && value.toString().getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw JsonRpcError.invalidParams("Invalid params: \"" + field + "\" is larger than " + maxBytes
                    + " bytes, the most this server keeps for a session");
        }
    }
}
