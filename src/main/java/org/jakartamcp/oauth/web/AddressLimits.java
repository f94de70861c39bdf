package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jakartamcp.oauth.RateLimited;
import org.jakartamcp.platform.ratelimit.RateLimits;
import org.jakartamcp.platform.web.ClientAddresses;

/** Applies a per-address rate limit to an OAuth endpoint request (the client's address behind trusted proxies). */
@ApplicationScoped
public class AddressLimits {

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses clientAddresses;

    void check(RateLimits.Kind kind, HttpServletRequest request, String what) {
        limits.tryAcquire(kind, clientAddresses.of(request).limitKey()).ifPresent(seconds -> {
            throw new RateLimited(what + " from this address", seconds);
        });
    }
}
