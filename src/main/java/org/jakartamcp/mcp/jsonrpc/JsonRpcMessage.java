package org.jakartamcp.mcp.jsonrpc;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** One JSON-RPC 2.0 message as received from a client. */
public sealed interface JsonRpcMessage {

    /** A call the client waits an answer for. {@code id} is a JSON string or number, never null. */
    record Request(JsonValue id, String method, JsonObject params) implements JsonRpcMessage {
    }

    /** A message that gets no answer. */
    record Notification(String method, JsonObject params) implements JsonRpcMessage {
    }

    /** The client's answer to a request the server sent (sampling, elicitation, roots, ping). */
    record Response(JsonValue id, JsonValue result, JsonObject error) implements JsonRpcMessage {
    }

    /** An element that is not a valid message; it is answered with this error, under this id when one was readable. */
    record Invalid(JsonValue id, JsonRpcError error) implements JsonRpcMessage {
    }
}
