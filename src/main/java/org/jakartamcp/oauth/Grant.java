package org.jakartamcp.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** What a user allowed a client to do; every code and token is issued under a grant and ends with it. */
@Entity
@Table(name = "oauth_grant")
@NamedQuery(name = Grant.REVOKED_SINCE, query = "select g.id from Grant g where g.revokedAt >= :since")
@NamedQuery(name = Grant.ACTIVE_OF_USER, query = "select g, c.clientName from Grant g, OAuthClient c "
        + "where c.clientId = g.clientId and g.userId = :user and g.revokedAt is null order by g.createdAt desc")
@NamedQuery(name = Grant.ACTIVE_GRANTS_OF_USER, query = "select g from Grant g where g.userId = :user and g.revokedAt is null")
@NamedQuery(name = Grant.ACTIVE_SAME, query = "select g from Grant g where g.userId = :user and g.clientId = :client "
        + "and g.resource = :resource and g.scope = :scope and g.revokedAt is null order by g.id")
@NamedQuery(name = Grant.ACTIVE_OF_CLIENT, query = "select g from Grant g where g.clientId = :client and g.revokedAt is null")
@NamedQuery(name = Grant.ACTIVE_OF_SERVICE_CLIENT, query = "select g from Grant g where g.clientId = :client "
        + "and g.userId is null and g.resource = :resource and g.revokedAt is null order by g.id")
@NamedQuery(name = Grant.ACTIVE_COUNT_PER_CLIENT, query = "select g.clientId, count(g) from Grant g where g.revokedAt is null "
        + "and g.clientId in :clients group by g.clientId")
@NamedQuery(name = Grant.ACTIVE_WITH_CLIENTS, query = "select g, c.clientName from Grant g, OAuthClient c "
        + "where c.clientId = g.clientId and g.revokedAt is null order by g.createdAt desc, g.id desc")
public class Grant {

    static final String REVOKED_SINCE = "Grant.revokedSince";
    static final String ACTIVE_OF_USER = "Grant.activeOfUser";
    static final String ACTIVE_OF_CLIENT = "Grant.activeOfClient";
    static final String ACTIVE_SAME = "Grant.activeSame";
    static final String ACTIVE_GRANTS_OF_USER = "Grant.activeGrantsOfUser";
    static final String ACTIVE_COUNT_PER_CLIENT = "Grant.activeCountPerClient";
    static final String ACTIVE_OF_SERVICE_CLIENT = "Grant.activeOfServiceClient";
    static final String ACTIVE_WITH_CLIENTS = "Grant.activeWithClients";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** Null for the grant of a service client (client credentials): its tokens act for the client, not a user. */
    @Column(name = "user_id")
    Long userId;

    /** Null once the client is deleted; the revoked grant stays until its tokens have expired. */
    @Column(name = "client_id", length = 512)
    String clientId;

    @Column(nullable = false, length = 1000)
    String scope;

    @Column(nullable = false, length = 2000)
    String resource;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;

    protected Grant() {
    }

    Grant(long userId, String clientId, String scope, String resource, OffsetDateTime createdAt) {
        this.userId = userId;
        this.clientId = clientId;
        this.scope = scope;
        this.resource = resource;
        this.createdAt = createdAt;
    }

    /** The grant a service client's tokens are issued under; revoking it ends them, as for a user's grant. */
    static Grant ofServiceClient(String clientId, String scope, String resource, OffsetDateTime createdAt) {
        Grant grant = new Grant(0, clientId, scope, resource, createdAt);
        grant.userId = null;
        return grant;
    }

    void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public long id() {
        return id;
    }

    /** The user who granted it; 0, which is no user's id, for a service client's grant. */
    public long userId() {
        return userId == null ? 0 : userId;
    }

    public boolean isServiceGrant() {
        return userId == null;
    }

    public String clientId() {
        return clientId;
    }

    public String scope() {
        return scope;
    }

    public String resource() {
        return resource;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
