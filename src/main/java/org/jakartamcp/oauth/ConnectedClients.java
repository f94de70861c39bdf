package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/** The clients a user has allowed (their active grants), for the account page; one query, no N+1. */
@ApplicationScoped
public class ConnectedClients {

    @Inject
    OAuthStore store;

    @Inject
    GrantRevocation revocation;

    /** An active grant as the user sees it. */
    public record Connection(long grantId, String clientName, String clientId, String scope, OffsetDateTime since) {
    }

    public List<Connection> of(long userId) {
        return store.activeGrantsOf(userId).stream().map(row -> {
            Grant grant = (Grant) row[0];
            String name = (String) row[1];
            return new Connection(grant.id(), name != null ? name : "Unnamed client", grant.clientId(), grant.scope(), grant.createdAt());
        }).toList();
    }

    /** Revokes one of the user's grants; false when it is not theirs or already revoked. */
    public boolean revoke(long userId, long grantId) {
        return revocation.revokeGrant(grantId, userId);
    }
}
