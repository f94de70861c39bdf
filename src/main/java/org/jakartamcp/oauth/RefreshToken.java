package org.jakartamcp.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A refresh token, kept as its hash; a rotated one stays, marked replaced, so that its reuse is recognised. */
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

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, long grantId, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.grantId = grantId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void replace(OffsetDateTime at) {
        replacedAt = at;
    }
}
