package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jakartamcp.oauth.RateLimited;
import org.jakartamcp.platform.ratelimit.RateLimits;

/** Applies a per-address rate limit to an OAuth endpoint request. */
@ApplicationScoped
public class AddressLimits {

    @Inject
    RateLimits limits;

    void check(RateLimits.Kind kind, HttpServletRequest request, String what) {
        limits.tryAcquire(kind, request.getRemoteAddr()).ifPresent(seconds -> {
            throw new RateLimited(what + " from this address", seconds);
        });
    }
}
