package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.function.UnaryOperator;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.mcp.server.McpMethod;

/**
 * The checks the 2026-07-28 transport makes before a request reaches the engine, in the order that
 * gives each client mistake its own error: the {@code _meta} fields every request carries (-32602),
 * the headers that repeat the body (-32020 HeaderMismatch), the version (-32022), and the method
 * (404 with -32601 when it is not part of the protocol). Plain code over the parsed request and a
 * header lookup: no I/O, no state.
 */
final class StatelessRequestCheck {

    static final String VERSION_HEADER = StreamableHttpSessions.VERSION_HEADER;
    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";
    static final String PARAM_HEADER_PREFIX = "Mcp-Param-";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_CLIENT = "io.modelcontextprotocol/clientInfo";

    /** What a checked request declared about its client. */
    record Checked(JsonObject capabilities, JsonObject clientInfo) {
    }

    /** A request refused before the engine sees it: the HTTP status and the JSON-RPC error to answer with. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Response.StatusType status;
        private final transient JsonRpcError error;

        Refusal(Response.StatusType status, JsonRpcError error) {
            super(error.getMessage(), null, false, false);
            this.status = status;
            this.error = error;
        }

        Response.StatusType status() {
            return status;
        }

        JsonRpcError error() {
            return error;
        }
    }

    private StatelessRequestCheck() {
    }

    /**
     * @param headers the request's header values by (case-insensitive) name, null when absent
     * @param method  what the method's handler declares about it
     * @throws Refusal for the first rule the request breaks
     */
    static Checked check(JsonRpcMessage.Request request, UnaryOperator<String> headers, McpMethod method) {
        JsonObject params = request.params();
        if (!(params.get("_meta") instanceof JsonObject meta)) {
            throw invalidParams("_meta is required in protocol 2026-07-28, with \"" + META_VERSION + "\" and \"" + META_CAPABILITIES + "\"");
        }
        if (!(meta.get(META_VERSION) instanceof JsonString metaVersion)) {
            throw invalidParams("_meta needs \"" + META_VERSION + "\" (a string)");
        }
        if (!(meta.get(META_CAPABILITIES) instanceof JsonObject capabilities)) {
            throw invalidParams("_meta needs \"" + META_CAPABILITIES + "\" (an object; {} when the client has none)");
        }
        JsonValue clientInfo = meta.get(META_CLIENT);
        if (clientInfo != null && !(clientInfo instanceof JsonObject)) {
            throw invalidParams("_meta \"" + META_CLIENT + "\" must be an object with name and version");
        }
        String version = metaVersion.getString();
        requireHeader(headers, VERSION_HEADER, version, "_meta " + META_VERSION);
        if (ProtocolVersion.of(version).filter(ProtocolVersion::isStateless).isEmpty()) {
            throw unsupported(version);
        }
        requireHeader(headers, METHOD_HEADER, request.method(), "method");
        if (!method.exists() || !method.stateless()) {
            throw new Refusal(Response.Status.NOT_FOUND, new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: "
                    + request.method() + (method.exists() ? " is not part of protocol " + version : "")));
        }
        if (method.namedBy() != null) {
            String header = headers.apply(NAME_HEADER);
            JsonValue named = params.get(method.namedBy());
            if (header != null || named != null) {
                requireMatch(NAME_HEADER, header, named, "params." + method.namedBy());
            }
        }
        for (McpMethod.ParamHeader param : method.paramHeaders(params)) {
            String name = PARAM_HEADER_PREFIX + param.header();
            String header = headers.apply(name);
            if (header != null || param.value() != null) {
                requireMatch(name, header, param.value(), "the argument it repeats");
            }
        }
        return new Checked(capabilities, (JsonObject) clientInfo);
    }

    private static void requireHeader(UnaryOperator<String> headers, String name, String expected, String source) {
        String header = headers.apply(name);
        if (header == null) {
            throw mismatch("the " + name + " header is required (it must repeat " + source + " \"" + expected + "\")");
        }
        if (!HeaderValues.trimOws(header).equals(expected)) {
            throw mismatch(name + " header value '" + header.trim() + "' does not match " + source + " '" + expected + "'");
        }
    }

    private static void requireMatch(String name, String header, JsonValue body, String source) {
        if (header == null) {
            throw mismatch("the " + name + " header is required: it must repeat " + source + " " + body);
        }
        if (body == null) {
            throw mismatch(name + " header is sent but the body has no value for " + source);
        }
        String value = HeaderValues.decode(header).orElseThrow(() -> mismatch(name
                + " header holds characters a header may not carry, or invalid Base64 in =?base64?...?="));
        if (!HeaderValues.matches(value, body)) {
            throw mismatch(name + " header value '" + value + "' does not match " + source + " " + body);
        }
    }

    private static Refusal invalidParams(String message) {
        return new Refusal(Response.Status.BAD_REQUEST, JsonRpcError.invalidParams("Invalid params: " + message));
    }

    private static Refusal mismatch(String message) {
        return new Refusal(Response.Status.BAD_REQUEST, new JsonRpcError(JsonRpcError.HEADER_MISMATCH, "Header mismatch: " + message));
    }

    static Refusal unsupported(String requested) {
        JsonArrayBuilder supported = JSON.createArrayBuilder();
        ProtocolVersion.newestFirst().forEach(supported::add);
        return new Refusal(Response.Status.BAD_REQUEST, new JsonRpcError(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported protocol version: " + requested, JSON.createObjectBuilder()
                .add("supported", supported).add("requested", requested).build()));
    }
}
