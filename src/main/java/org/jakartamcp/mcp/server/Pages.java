package org.jakartamcp.mcp.server;

import static org.jakartamcp.platform.json.JsonP.JSON;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/**
 * Opaque-cursor pagination over a list in a stable order. The cursor encodes an offset; clients
 * must not (and need not) read it.
 */
public final class Pages {

    private static final String PREFIX = "offset:";

    private Pages() {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    public static <T> Page<T> of(List<T> all, String cursor, int size) {
        int offset = cursor == null ? 0 : decode(cursor, all.size());
        int end = Math.min(all.size(), offset + size);
        return new Page<>(all.subList(offset, end), end < all.size() ? encode(end) : null);
    }

    /** The result of a list request: the page the cursor in {@code params} asks for, under {@code key}. */
    public static <T> jakarta.json.JsonObject list(String key, List<T> all, jakarta.json.JsonObject params, int size,
                                                   java.util.function.Function<T, jakarta.json.JsonObject> describe) {
        Page<T> page = of(all, cursor(params), size);
        jakarta.json.JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(item -> items.add(describe.apply(item)));
        jakarta.json.JsonObjectBuilder result = JSON.createObjectBuilder().add(key, items);
        if (page.nextCursor() != null) {
            result.add("nextCursor", page.nextCursor());
        }
        return result.build();
    }

    /** The "cursor" param of a list request, null for the first page. */
    public static String cursor(jakarta.json.JsonObject params) {
        jakarta.json.JsonValue cursor = params.get("cursor");
        if (cursor == null || cursor.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        if (cursor instanceof jakarta.json.JsonString text) {
            return text.getString();
        }
        throw JsonRpcError.invalidParams("Invalid cursor");
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int decode(String cursor, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw JsonRpcError.invalidParams("Invalid cursor");
    }
}
