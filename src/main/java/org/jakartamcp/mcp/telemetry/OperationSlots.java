package org.jakartamcp.mcp.telemetry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.protocol.ProtocolVersion;

/**
 * The bounded tag values of the MCP operation metrics, each combination numbered once, so that the metric of a
 * request is found by arithmetic on a few small indexes instead of building tags per request. Every value comes
 * from a fixed set known at start: the methods of this deployment's handlers, its tools, the protocol versions
 * this server speaks, the JSON-RPC error codes it answers with; anything else a client sends counts as
 * {@link #OTHER}. No user, session or request id can become a tag value.
 */
public final class OperationSlots {

    /** The value of whatever is not in a fixed set (an unknown method or tool, an unexpected error code). */
    public static final String OTHER = "other";
    /** error.type of a tool call whose result is {@code isError: true} (the MCP conventions' value). */
    public static final String TOOL_ERROR = "tool_error";
    /** error.type of an error the conventions give no name for. */
    public static final String OTHER_ERROR = "_OTHER";
    /** error.type when there is none, and mcp.protocol.version before a session negotiated one. */
    public static final String NONE = "";
    public static final String TOOLS_CALL = "tools/call";

    static final int[] ERROR_CODES = {JsonRpcError.PARSE_ERROR, JsonRpcError.INVALID_REQUEST, JsonRpcError.METHOD_NOT_FOUND,
            JsonRpcError.INVALID_PARAMS, JsonRpcError.INTERNAL_ERROR, JsonRpcError.RESOURCE_NOT_FOUND, JsonRpcError.LIMIT_REACHED,
            JsonRpcError.HEADER_MISMATCH, JsonRpcError.MISSING_REQUIRED_CLIENT_CAPABILITY, JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION};
    /** Error slots: none, tool_error, one per known code, _OTHER. */
    static final int ERRORS = ERROR_CODES.length + 3;
    static final int NO_ERROR = 0;
    static final int TOOL_ERROR_SLOT = 1;
    /** Version slots: none, then one per protocol version. */
    static final int VERSIONS = ProtocolVersion.values().length + 1;

    /** The tags of one slot, in the order the metric names them. */
    public record Tags(String method, String tool, String errorType, String protocolVersion) {
    }

    private final List<String> methods;
    private final Map<String, Integer> methodIndex;
    private final List<String> tools;
    private final Map<String, Integer> toolIndex;

    /**
     * @param methods the methods handled (tools/call among them or not: its calls are numbered by tool instead)
     * @param tools   the tools' names
     */
    public OperationSlots(Collection<String> methods, Collection<String> tools) {
        List<String> others = new ArrayList<>(methods);
        others.remove(TOOLS_CALL);
        this.methods = withOther(others);
        this.methodIndex = indexOf(this.methods);
        this.tools = withOther(tools);
        this.toolIndex = indexOf(this.tools);
    }

    public int size() {
        return (methods.size() + tools.size()) * VERSIONS * ERRORS;
    }

    /**
     * The slot of one request or notification.
     *
     * @param method    the method the client sent (any text)
     * @param tool      the tool a tools/call names (any text, or null); ignored for other methods
     * @param version   the protocol version of the session, or null
     * @param errorCode the JSON-RPC error code of the answer, or 0 for none
     * @param toolError whether a tool call's result says {@code isError: true}
     */
    public int slot(String method, String tool, ProtocolVersion version, int errorCode, boolean toolError) {
        int target;
        if (TOOLS_CALL.equals(method)) {
            target = methods.size() + toolIndex(tool);
        } else {
            target = method == null ? methods.size() - 1 : methodIndex.getOrDefault(method, methods.size() - 1);
        }
        int versionSlot = version == null ? 0 : version.ordinal() + 1;
        return (target * VERSIONS + versionSlot) * ERRORS + errorSlot(errorCode, toolError);
    }

    /** The tag values of a slot. */
    public Tags tags(int slot) {
        int error = slot % ERRORS;
        int version = slot / ERRORS % VERSIONS;
        int target = slot / ERRORS / VERSIONS;
        boolean isTool = target >= methods.size();
        return new Tags(isTool ? TOOLS_CALL : methods.get(target), isTool ? tools.get(target - methods.size()) : NONE,
                errorType(error), version == 0 ? NONE : ProtocolVersion.values()[version - 1].id());
    }

    static int errorSlot(int errorCode, boolean toolError) {
        if (errorCode == 0) {
            return toolError ? TOOL_ERROR_SLOT : NO_ERROR;
        }
        for (int i = 0; i < ERROR_CODES.length; i++) {
            if (ERROR_CODES[i] == errorCode) {
                return i + 2;
            }
        }
        return ERRORS - 1;
    }

    /** The error.type of an error slot: the JSON-RPC code as text, as the conventions ask. */
    static String errorType(int errorSlot) {
        if (errorSlot == NO_ERROR) {
            return NONE;
        }
        if (errorSlot == TOOL_ERROR_SLOT) {
            return TOOL_ERROR;
        }
        return errorSlot == ERRORS - 1 ? OTHER_ERROR : Integer.toString(ERROR_CODES[errorSlot - 2]);
    }

    /** The tools' bounded names, sorted, {@link #OTHER} last. */
    public List<String> tools() {
        return tools;
    }

    /** The index in {@link #tools()} of a tool's bounded name: its own when known, {@link #OTHER}'s otherwise. */
    public int toolIndex(String tool) {
        return tool == null ? tools.size() - 1 : toolIndex.getOrDefault(tool, tools.size() - 1);
    }

    /** The bounded value of a tool's name: itself when known, {@link #OTHER} otherwise. */
    public String toolName(String tool) {
        return tool != null && toolIndex.containsKey(tool) ? tool : OTHER;
    }

    /** The bounded value of a method's name: itself when handled here, {@link #OTHER} otherwise. */
    public String methodName(String method) {
        return method != null && (methodIndex.containsKey(method) || TOOLS_CALL.equals(method)) ? method : OTHER;
    }

    private static List<String> withOther(Collection<String> names) {
        List<String> list = new ArrayList<>(new TreeSet<>(names));
        list.remove(OTHER);
        list.add(OTHER);
        return List.copyOf(list);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size() - 1; i++) {
            index.put(names.get(i), i);
        }
        return Map.copyOf(index);
    }
}
