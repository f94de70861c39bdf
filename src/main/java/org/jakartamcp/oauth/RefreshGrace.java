package org.jakartamcp.oauth;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What a presented refresh token earns. Clients retry a refresh whose answer they lost, and some refresh from two
 * processes at once, so a rotated token stays good for a short grace period, until the token that replaced it is
 * first used, and is answered with the pair its first use issued (the same pair: retrying is harmless). After
 * that, presenting it again is reuse (OAuth 2.1 4.3.1, a stolen token), which revokes the grant.
 */
final class RefreshGrace {

    enum Outcome {
        /** Not used before: rotate it. */
        ROTATE,
        /** Rotated moments ago and its successor is unused: answer with the pair already issued. */
        REPLAY,
        /** Presented again after its successor was used or the grace period ended: revoke the grant. */
        REUSE
    }

    private RefreshGrace() {
    }

    /**
     * @param replacedAt when the token was rotated, null if never
     * @param successorUsed whether the refresh token issued in its place has been redeemed since (or is gone)
     * @param pairKept whether the pair of that rotation was kept (not with a zero grace period)
     */
    static Outcome of(OffsetDateTime replacedAt, boolean successorUsed, boolean pairKept, OffsetDateTime now, Duration grace) {
        if (replacedAt == null) {
            return Outcome.ROTATE;
        }
        if (successorUsed || !pairKept || grace.isZero() || !now.isBefore(replacedAt.plus(grace))) {
            return Outcome.REUSE;
        }
        return Outcome.REPLAY;
    }
}
