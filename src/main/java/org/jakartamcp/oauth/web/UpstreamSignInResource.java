package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jakartamcp.identity.SignInRefused;
import org.jakartamcp.identity.oidc.UpstreamLogin;
import org.jakartamcp.identity.oidc.UpstreamProvider;
import org.jakartamcp.identity.oidc.UpstreamSignInFailed;
import org.jakartamcp.oauth.RateLimited;
import org.jakartamcp.platform.ratelimit.RateLimits;

/**
 * Sign-in through the company's OpenID Connect provider: {@code GET /oidc/start} sends the browser
 * there, {@code GET /oidc/callback} takes the answer, signs the session in and continues with the
 * pending authorization request's consent page.
 */
@ApplicationScoped
@Path("oidc")
public class UpstreamSignInResource {

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final int MAX_PARAMETER = 4096;

    @Inject
    UpstreamProvider provider;

    @Inject
    SignInSession session;

    @Inject
    SignIns signIns;

    @Inject
    AddressLimits addressLimits;

    @Inject
    SessionCapacity sessions;

    @GET
    @Path("start")
    public Response start(@QueryParam("request") String request, @Context HttpServletRequest http) {
        if (!provider.isConfigured()) {
            return ErrorPage.response(404, "Not available", "Sign-in through an identity provider is not configured on this server.");
        }
        if (sessions.refused(http)) {
            return SessionLimit.busy();
        }
        if (request != null && session.pending(request).isEmpty()) {
            return expired();
        }
        try {
            addressLimits.check(RateLimits.Kind.AUTHORIZATION_PER_ADDRESS, http, "sign-in requests");
            UpstreamProvider.Redirect redirect = provider.start(request);
            session.holdUpstream(redirect.login());
            return Response.seeOther(redirect.uri()).header("Cache-Control", "no-store").build();
        } catch (RateLimited limited) {
            return Response.fromResponse(ErrorPage.response(429, "Too many sign-in requests", limited.getMessage()))
                    .header("Retry-After", limited.retryAfterSeconds()).build();
        } catch (UpstreamSignInFailed failed) {
            return ErrorPage.response(503, "Sign-in is not possible right now", failed.getMessage());
        }
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error,
                             @Context HttpServletRequest http, @Context UriInfo uri) {
        if (longer(state) || longer(code) || longer(error)) {
            return ErrorPage.response(400, "This sign-in cannot be completed", "The identity provider's answer is too long.");
        }
        if (sessions.refused(http)) {
            return SessionLimit.busy();
        }
        Optional<UpstreamLogin> login = session.takeUpstream(state);
        if (login.isEmpty()) {
            return expired();
        }
        if (error != null || code == null) {
            String reason = error != null && ERROR_CODE.matcher(error).matches() ? error : "no code";
            return ErrorPage.response(403, "Sign-in refused", "The identity provider did not sign you in (" + reason + ").");
        }
        try {
            signIns.signInExternal(http, provider.complete(login.get(), code));
        } catch (UpstreamSignInFailed failed) {
            return ErrorPage.response(502, "This sign-in cannot be completed", failed.getMessage());
        } catch (SignInRefused refused) {
            return ErrorPage.response(403, "Sign-in refused", refused.getMessage());
        }
        String pending = login.get().pendingRequest();
        URI next = pending == null ? uri.getBaseUriBuilder().path("account.xhtml").build()
                : uri.getBaseUriBuilder().path("consent.xhtml").queryParam("request", pending).build();
        return Response.seeOther(next).header("Cache-Control", "no-store").build();
    }

    private static boolean longer(String parameter) {
        return parameter != null && parameter.length() > MAX_PARAMETER;
    }

    private static Response expired() {
        return ErrorPage.response(400, "This sign-in has expired", "Start again from your application.");
    }
}
