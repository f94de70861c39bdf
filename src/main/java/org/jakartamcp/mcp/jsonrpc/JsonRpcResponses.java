package org.jakartamcp.mcp.jsonrpc;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Builds the messages the server sends. */
public final class JsonRpcResponses {

    private JsonRpcResponses() {
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, JsonRpcError error) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("code", error.code()).add("message", error.getMessage());
        if (error.data() != null) {
            body.add("data", error.data());
        }
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id == null ? JsonValue.NULL : id)
                .add("error", body)
                .build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            message.add("params", params);
        }
        return message.build();
    }

    public static JsonObject request(JsonValue id, String method, JsonObject params) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method);
        if (params != null) {
            message.add("params", params);
        }
        return message.build();
    }
}
