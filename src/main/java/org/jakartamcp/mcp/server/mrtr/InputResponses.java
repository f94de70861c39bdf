package org.jakartamcp.mcp.server.mrtr;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.spi.InputRequest;

/**
 * Checks that a client's answer has the shape of a result of the question's method, so that what a
 * handler gets back is what it would have got over a session. A malformed answer is the client's
 * protocol error (-32602); an answer to a question nobody asked is ignored, as the spec says.
 */
final class InputResponses {

    private static final Set<String> ACTIONS = Set.of("accept", "decline", "cancel");

    private InputResponses() {
    }

    /** The answer under {@code key} as a result of {@code method}; throws -32602 naming what is wrong. */
    static JsonObject valid(String key, String method, JsonValue answer) {
        if (!(answer instanceof JsonObject result)) {
            throw invalid(key, method, "an object");
        }
        switch (method) {
            case InputRequest.ELICITATION -> {
                if (!(result.get("action") instanceof JsonString action) || !ACTIONS.contains(action.getString())) {
                    throw invalid(key, method, "an object with \"action\" accept, decline or cancel");
                }
                JsonValue content = result.get("content");
                if (content != null && content.getValueType() != JsonValue.ValueType.OBJECT
                        && content.getValueType() != JsonValue.ValueType.NULL) {
                    throw invalid(key, method, "an object whose \"content\" is an object");
                }
            }
            case InputRequest.SAMPLING -> {
                JsonValue content = result.get("content");
                if (!(result.get("role") instanceof JsonString) || !(content instanceof JsonObject || content instanceof JsonArray)) {
                    throw invalid(key, method, "an object with \"role\" and \"content\"");
                }
            }
            default -> {
                if (!(result.get("roots") instanceof JsonArray roots)
                        || !roots.stream().allMatch(root -> root instanceof JsonObject object && object.get("uri") instanceof JsonString)) {
                    throw invalid(key, method, "an object with \"roots\", an array of objects with \"uri\"");
                }
            }
        }
        return result;
    }

    private static JsonRpcError invalid(String key, String method, String expected) {
        return new InvalidInputResponse("Invalid params: inputResponses." + key + " must be a " + method + " result: " + expected);
    }
}
