package org.jakartamcp.mcp.server.mrtr;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * SHA-256 digests of JSON that do not depend on the order of object members: a client that sends the
 * same params again in another order still names the same request, and the same question is
 * recognised when a handler asks it again.
 */
final class Digests {

    /** Params that carry the round, not the request: a retry differs from the first request only in these. */
    private static final Set<String> NOT_SALIENT = Set.of("_meta", "inputResponses", "requestState");

    private Digests() {
    }

    /** What a requestState is bound to: the method and every param except {@code _meta}, {@code inputResponses}, {@code requestState}. */
    static String request(String method, JsonObject params) {
        StringBuilder canonical = new StringBuilder(method).append('\n').append('{');
        boolean first = true;
        for (String name : new TreeSet<>(params.keySet())) {
            if (NOT_SALIENT.contains(name)) {
                continue;
            }
            if (!first) {
                canonical.append(',');
            }
            first = false;
            canonical.append(quoted(name)).append(':');
            canonical(params.get(name), canonical);
        }
        return sha256(canonical.append('}'));
    }

    /** Identifies a question: its method and params. */
    static String ask(String method, JsonObject params) {
        StringBuilder canonical = new StringBuilder(method).append('\n');
        canonical(params, canonical);
        return sha256(canonical);
    }

    private static void canonical(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (String name : new TreeSet<>(object.keySet())) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quoted(name)).append(':');
                canonical(object.get(name), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(array.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static String quoted(String name) {
        return JSON.createValue(name).toString();
    }

    private static String sha256(CharSequence text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
