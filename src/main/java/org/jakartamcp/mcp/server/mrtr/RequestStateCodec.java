package org.jakartamcp.mcp.server.mrtr;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/**
 * Seals a {@link RequestState} into the opaque {@code requestState} string and opens it again:
 * {@code v1.<payload>.<HMAC-SHA256 of "v1.<payload>">}, both base64url. The client holds the state
 * between rounds, so everything in it is checked on the way back: the MAC (compared in constant
 * time), the lifetime, the caller and the request. Whether it was used before is checked elsewhere,
 * against what all instances share. Every refusal is a -32602 that says which check failed.
 */
final class RequestStateCodec {

    private static final String VERSION = "v1.";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    RequestStateCodec(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a requestState key has at least 256 bits");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    String seal(RequestState state) {
        String signed = VERSION + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(state.toJson().toString().getBytes(StandardCharsets.UTF_8));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(signed));
    }

    /**
     * The state, if this server sealed it, it has not expired, and it was issued to {@code principal}
     * for the request with digest {@code request}.
     */
    RequestState open(String sealed, String principal, String request, long nowSeconds) {
        RequestState state = verified(sealed);
        if (nowSeconds >= state.expiresAt()) {
            throw JsonRpcError.invalidParams("Invalid params: requestState has expired; send the request again without "
                    + "requestState and inputResponses to start over");
        }
        if (!state.principal().equals(principal)) {
            throw JsonRpcError.invalidParams("Invalid params: requestState was issued to another user");
        }
        if (!state.request().equals(request)) {
            throw JsonRpcError.invalidParams("Invalid params: requestState belongs to another request; a retry must repeat "
                    + "the method, name, arguments or uri of the request that got it");
        }
        return state;
    }

    private RequestState verified(String sealed) {
        int dot = sealed.lastIndexOf('.');
        if (!sealed.startsWith(VERSION) || dot <= VERSION.length()) {
            throw altered();
        }
        String signed = sealed.substring(0, dot);
        byte[] given;
        byte[] payload;
        try {
            given = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
            payload = Base64.getUrlDecoder().decode(signed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw altered();
        }
        if (!MessageDigest.isEqual(mac(signed), given)) {
            throw altered();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
            return RequestState.fromJson(reader.readObject());
        } catch (JsonException | IllegalArgumentException | ArithmeticException | ClassCastException e) {
            // sealed by this key yet unreadable: only a key shared with another format could do that
            throw altered();
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }

    private static JsonRpcError altered() {
        return JsonRpcError.invalidParams("Invalid params: requestState is not one this server issued, or it was altered");
    }
}
