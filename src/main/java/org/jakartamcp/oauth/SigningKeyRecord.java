package org.jakartamcp.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A key that signs access tokens, stored as JWKs. */
@Entity
@Table(name = "oauth_signing_key")
@NamedQuery(name = SigningKeyRecord.PUBLISHED, query = "select k from SigningKeyRecord k "
        + "where k.retiredAt is null or k.retiredAt > :since order by k.createdAt desc")
public class SigningKeyRecord {

    static final String PUBLISHED = "SigningKeyRecord.published";

    @Id
    @Column(length = 64)
    String kid;

    @Column(nullable = false, length = 16)
    String algorithm;

    @Column(name = "private_jwk", nullable = false, length = 4000)
    String privateJwk;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    String publicJwk;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "retired_at")
    OffsetDateTime retiredAt;

    protected SigningKeyRecord() {
    }

    SigningKeyRecord(String kid, String algorithm, String privateJwk, String publicJwk, OffsetDateTime createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.privateJwk = privateJwk;
        this.publicJwk = publicJwk;
        this.createdAt = createdAt;
    }

    void retire(OffsetDateTime at) {
        this.retiredAt = at;
    }
}
