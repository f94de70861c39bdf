package org.jakartamcp.mcp.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import jakarta.json.JsonValue;

/**
 * A running call as the instances name it to each other in signals: {@code <session hash>:<digest of its request id>}.
 * The request id is the client's choice (any string or number, of any length, spaces included), so it travels as a
 * fixed-size digest of its JSON text: {@code "1"} and {@code 1} stay two ids, as they are in JSON-RPC.
 */
record CallRef(String sessionHash, String requestDigest) {

    private static final char SEPARATOR = ':';

    static CallRef of(String sessionHash, JsonValue requestId) {
        return new CallRef(sessionHash, digest(requestId));
    }

    String subject() {
        return sessionHash + SEPARATOR + requestDigest;
    }

    static Optional<CallRef> ofSubject(String subject) {
        int separator = subject.indexOf(SEPARATOR);
        if (separator <= 0 || separator == subject.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new CallRef(subject.substring(0, separator), subject.substring(separator + 1)));
    }

    /** Whether this names the request with this id in the session with this hash. */
    boolean names(String hash, JsonValue requestId) {
        return sessionHash.equals(hash) && requestDigest.equals(digest(requestId));
    }

    static String digest(JsonValue requestId) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(requestId.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
