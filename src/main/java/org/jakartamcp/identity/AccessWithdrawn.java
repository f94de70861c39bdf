package org.jakartamcp.identity;

/**
 * A user's source no longer vouches for their access (they left the allowed groups): whatever was
 * granted to their applications must end. Fired inside the transaction that records it.
 */
public record AccessWithdrawn(long userId, String reason) {
}
