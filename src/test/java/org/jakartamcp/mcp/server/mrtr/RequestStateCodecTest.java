package org.jakartamcp.mcp.server.mrtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.junit.jupiter.api.Test;

class RequestStateCodecTest {

    private static final long NOW = 1_800_000_000L;
    private static final byte[] KEY = new byte[32];
    private static final JsonObject CALL = Json.createObjectBuilder().add("name", "greet")
            .add("arguments", Json.createObjectBuilder().add("a", 1).add("b", "x")).build();
    private static final String REQUEST = Digests.request("tools/call", CALL);

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final RequestStateCodec codec = new RequestStateCodec(KEY);

    private static RequestState state(long expiresAt) {
        JsonObject answer = Json.createObjectBuilder().add("action", "accept")
                .add("content", Json.createObjectBuilder().add("name", "Alice")).build();
        return new RequestState("alice", REQUEST, expiresAt, "id-1", 0,
                Map.of("user_name", new RequestState.Answer("digest-of-question", answer)), Map.of("color", "digest-2"));
    }

    @Test
    void aSealedStateOpensAsItWas() {
        RequestState state = state(NOW + 60);
        RequestState opened = codec.open(codec.seal(state), "alice", REQUEST, NOW);
        assertEquals(state, opened);
    }

    @Test
    void theRequestDigestIgnoresMemberOrderAndTheRoundParams() {
        JsonObject reordered = Json.createObjectBuilder()
                .add("arguments", Json.createObjectBuilder().add("b", "x").add("a", 1))
                .add("name", "greet").add("requestState", "anything").add("inputResponses", JsonObject.EMPTY_JSON_OBJECT)
                .add("_meta", Json.createObjectBuilder().add("k", "v")).build();
        assertEquals(REQUEST, Digests.request("tools/call", reordered));
        assertNotEquals(REQUEST, Digests.request("prompts/get", CALL));
    }

    @Test
    void anAlteredStateIsRefused() {
        String sealed = codec.seal(state(NOW + 60));
        assertRefused(sealed + "-TAMPERED", "not one this server issued, or it was altered");
        assertRefused(sealed.substring(0, sealed.length() - 2), "not one this server issued, or it was altered");
        assertRefused("garbage", "not one this server issued, or it was altered");
        assertRefused("v1..", "not one this server issued, or it was altered");

        // a payload changed to another user, with the old MAC
        String[] parts = sealed.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("alice", "mallory");
        String forged = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertRefused(forged, "not one this server issued, or it was altered", "mallory");

        // sealed with another key
        byte[] otherKey = KEY.clone();
        otherKey[0] = 8;
        assertRefused(new RequestStateCodec(otherKey).seal(state(NOW + 60)), "not one this server issued, or it was altered");
    }

    @Test
    void anExpiredStateIsRefused() {
        String sealed = codec.seal(state(NOW + 60));
        codec.open(sealed, "alice", REQUEST, NOW + 59);
        JsonRpcError refused = assertThrows(JsonRpcError.class, () -> codec.open(sealed, "alice", REQUEST, NOW + 60));
        assertEquals(JsonRpcError.INVALID_PARAMS, refused.code());
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    }

    @Test
    void aStateIsOnlyForTheUserItWasIssuedTo() {
        assertRefused(codec.seal(state(NOW + 60)), "issued to another user", "bob");
    }

    @Test
    void aStateIsOnlyForTheRequestItWasIssuedFor() {
        String sealed = codec.seal(state(NOW + 60));
        JsonObject otherArguments = Json.createObjectBuilder(CALL).add("arguments", Json.createObjectBuilder().add("a", 2).add("b", "x"))
                .build();
        JsonRpcError refused = assertThrows(JsonRpcError.class,
                () -> codec.open(sealed, "alice", Digests.request("tools/call", otherArguments), NOW));
        assertEquals(JsonRpcError.INVALID_PARAMS, refused.code());
        assertTrue(refused.getMessage().contains("belongs to another request"), refused.getMessage());
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RequestStateCodec(new byte[16]));
    }

    private void assertRefused(String sealed, String reason) {
        assertRefused(sealed, reason, "alice");
    }

    private void assertRefused(String sealed, String reason, String principal) {
        JsonRpcError refused = assertThrows(JsonRpcError.class, () -> codec.open(sealed, principal, REQUEST, NOW));
        assertEquals(JsonRpcError.INVALID_PARAMS, refused.code());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
