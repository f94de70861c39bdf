package org.jakartamcp.mcp.jsonrpc;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON-RPC 2.0 messages from text, with a bound on nesting that is checked before any JSON is
 * built, so a deeply nested body costs a scan and not a stack.
 */
public final class JsonRpcParser {

    private final int maxDepth;

    public JsonRpcParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** @throws JsonRpcError with {@link JsonRpcError#PARSE_ERROR} or {@link JsonRpcError#INVALID_REQUEST} for the body as a whole */
    public JsonRpcBody parse(String text) {
        int depth = nestingDepth(text);
        if (depth > maxDepth) {
            throw new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "JSON nesting depth " + depth + " exceeds the limit of " + maxDepth);
        }
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the body is empty");
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: text after the JSON value");
            }
        } catch (JsonParsingException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: " + location(e) + e.getMessage());
        } catch (NumberFormatException e) {
            // the parser builds a BigDecimal of every number, and 1e99999999999 has no exponent an int can hold
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: a number's exponent is out of range");
        } catch (UnsupportedOperationException e) {
            // Parsson reads numbers of at most 1100 characters (org.eclipse.parsson.maxBigDecimalLength); strings are not limited
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: a number is longer than this server's JSON parser reads ("
                    + e.getMessage() + "); send a long number as a decimal string (\"123.45\")");
        } catch (JsonException | IllegalStateException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the body is not one JSON value");
        }
        if (value instanceof JsonArray array) {
            if (array.isEmpty()) {
                throw JsonRpcError.invalidRequest("Invalid Request: an empty batch");
            }
            List<JsonRpcMessage> messages = new ArrayList<>(array.size());
            for (JsonValue element : array) {
                messages.add(message(element));
            }
            return new JsonRpcBody(messages, true);
        }
        JsonRpcMessage message = message(value);
        if (message instanceof JsonRpcMessage.Invalid invalid) {
            throw invalid.error();
        }
        return new JsonRpcBody(List.of(message), false);
    }

    static JsonRpcMessage message(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return invalid(null, "Invalid Request: a message must be a JSON object");
        }
        JsonValue id = object.get("id");
        JsonValue readableId = isValidId(id) ? id : null;
        if (!"2.0".equals(stringOrNull(object.get("jsonrpc")))) {
            return invalid(readableId, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
        }
        JsonValue method = object.get("method");
        if (method != null) {
            if (method.getValueType() != JsonValue.ValueType.STRING) {
                return invalid(readableId, "Invalid Request: \"method\" must be a string");
            }
            JsonValue params = object.get("params");
            if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
                return invalid(readableId, "Invalid Request: \"params\" must be an object");
            }
            String name = ((jakarta.json.JsonString) method).getString();
            JsonObject paramsObject = params == null ? JsonValue.EMPTY_JSON_OBJECT : params.asJsonObject();
            if (id == null) {
                return new JsonRpcMessage.Notification(name, paramsObject);
            }
            if (!isValidId(id)) {
                return invalid(null, "Invalid Request: \"id\" must be a string or an integer, not null");
            }
            return new JsonRpcMessage.Request(id, name, paramsObject);
        }
        boolean hasResult = object.containsKey("result");
        JsonValue error = object.get("error");
        if (hasResult == (error != null) || !isValidId(id)) {
            return invalid(readableId, "Invalid Request: neither a request, a notification nor a response");
        }
        if (error != null && error.getValueType() != JsonValue.ValueType.OBJECT) {
            return invalid(readableId, "Invalid Request: \"error\" must be an object");
        }
        return new JsonRpcMessage.Response(id, object.get("result"), error == null ? null : error.asJsonObject());
    }

    private static boolean isValidId(JsonValue id) {
        if (id == null) {
            return false;
        }
        return switch (id.getValueType()) {
            case STRING -> true;
            case NUMBER -> ((JsonNumber) id).isIntegral();
            default -> false;
        };
    }

    private static JsonRpcMessage invalid(JsonValue id, String message) {
        return new JsonRpcMessage.Invalid(id, JsonRpcError.invalidRequest(message));
    }

    private static String stringOrNull(JsonValue value) {
        return value instanceof jakarta.json.JsonString string ? string.getString() : null;
    }

    private static String location(JsonParsingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ", column "
                + e.getLocation().getColumnNumber() + ": ";
    }

    /** The deepest nesting of arrays and objects, ignoring brackets inside strings. */
    static int nestingDepth(CharSequence text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
