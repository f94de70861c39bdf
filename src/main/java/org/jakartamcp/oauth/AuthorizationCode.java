package org.jakartamcp.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An authorization code, kept as the hash of the code. */
@Entity
@Table(name = "oauth_code")
public class AuthorizationCode {

    @Id
    @Column(name = "code_hash", length = 64)
    String codeHash;

    @Column(name = "grant_id", nullable = false)
    long grantId;

    @Column(name = "redirect_uri", nullable = false, length = 2000)
    String redirectUri;

    @Column(name = "code_challenge", nullable = false, length = 128)
    String codeChallenge;

    @Column(name = "expires_at", nullable = false)
    OffsetDateTime expiresAt;

    @Column(name = "used_at")
    OffsetDateTime usedAt;

    protected AuthorizationCode() {
    }

    AuthorizationCode(String codeHash, long grantId, String redirectUri, String codeChallenge, OffsetDateTime expiresAt) {
        this.codeHash = codeHash;
        this.grantId = grantId;
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge;
        this.expiresAt = expiresAt;
    }

    void use(OffsetDateTime at) {
        usedAt = at;
    }
}
