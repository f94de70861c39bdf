package org.jakartamcp.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pair a refresh token's rotation issued, kept on the rotated token's row so that a retry within the grace
 * period gets the very same pair. Sealed with AES-256-GCM under a key derived (HMAC-SHA256) from the old refresh
 * token itself, with the row's token hash as associated data: the database keeps only the SHA-256 of that token,
 * from which the key cannot be derived, so the pair is readable only by whoever presents the old token, on any
 * instance, and no server secret has to be shared or rotated. (A server key would protect the pair from a reader
 * of the database only as well as that key is kept apart from it; the signing keys already live in it.)
 */
record RotatedPair(String accessToken, OffsetDateTime accessExpiresAt, String refreshToken, String scope) {

    private static final byte[] KEY_LABEL = "jakarta-mcp refresh successor v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The tokens never contain a line break (a JWT, base64url, space-separated scopes). */
    private static final String SEPARATOR = "\n";

    static RotatedPair of(Tokens.Issued issued, OffsetDateTime issuedAt) {
        return new RotatedPair(issued.accessToken(), issuedAt.plusSeconds(issued.expiresIn()), issued.refreshToken(), issued.scope());
    }

    /** The answer to a retry at {@code now}: the same tokens, expires_in counting down. */
    Tokens.Issued issued(OffsetDateTime now) {
        return new Tokens.Issued(accessToken, Math.max(0, Duration.between(now, accessExpiresAt).toSeconds()), refreshToken, scope);
    }

    /** Sealed for the holder of {@code oldToken}; base64url of the IV and the ciphertext. */
    String seal(String oldToken, String oldTokenHash) {
        String plain = String.join(SEPARATOR, accessToken, Long.toString(accessExpiresAt.toEpochSecond()), refreshToken, scope);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, oldToken, oldTokenHash, iv).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    /** The pair sealed for this token; empty when it was sealed for another one (or altered). */
    static Optional<RotatedPair> open(String oldToken, String oldTokenHash, String sealed) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            if (bytes.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(bytes, IV_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, oldToken, oldTokenHash, iv).doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            String[] parts = new String(plain, StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            OffsetDateTime expires = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(Long.parseLong(parts[1])), java.time.ZoneOffset.UTC);
            return Optional.of(new RotatedPair(parts[0], expires, parts[2], parts[3]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    java.util.List<String> scopeList() {
        return java.util.List.of(scope.split(" "));
    }

    /** Never the tokens themselves, should a pair end up in a log. */
    @Override
    public String toString() {
        return "RotatedPair[scope=" + scope + ", accessExpiresAt=" + accessExpiresAt + "]";
    }

    private static Cipher cipher(int mode, String oldToken, String oldTokenHash, byte[] iv) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(oldToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(KEY_LABEL), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(oldTokenHash.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
