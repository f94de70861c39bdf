package org.jakartamcp.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A refresh token, kept as its hash; a rotated one stays, marked replaced, so that its reuse is recognised. During
 * the grace period (oauth.refresh-grace-seconds) it also keeps the hash of its successor and the pair its rotation
 * issued, sealed so that only the holder of this token can read it ({@link RotatedPair}).
 */
@Entity
@Table(name = "oauth_refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", length = 64)
    String tokenHash;

    @Column(name = "grant_id", nullable = false)
    long grantId;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;

    @Column(name = "replaced_at")
    OffsetDateTime replacedAt;

    @Column(name = "successor_hash", length = 64)
    String successorHash;

    @Column(name = "successor_pair")
    String successorPair;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, long grantId, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.grantId = grantId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Rotated at this moment; the successor and its sealed pair are kept only when a retry may still get them. */
    void replace(OffsetDateTime at, String successorHash, String successorPair) {
        replacedAt = at;
        this.successorHash = successorHash;
        this.successorPair = successorPair;
    }
}
