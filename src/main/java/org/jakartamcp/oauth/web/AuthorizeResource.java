package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.jakartamcp.identity.SignInRefused;
import org.jakartamcp.oauth.AuthorizationError;
import org.jakartamcp.oauth.AuthorizationRequest;
import org.jakartamcp.oauth.Authorizations;
import org.jakartamcp.oauth.OAuthException;
import org.jakartamcp.oauth.RateLimited;
import org.jakartamcp.platform.ratelimit.RateLimits;

/**
 * {@code GET /authorize}: checks the request, keeps it on the server and sends the browser to the
 * sign-in page (or, when the user is already signed in, straight to the consent page).
 */
@ApplicationScoped
@Path("authorize")
public class AuthorizeResource {

    @Inject
    Authorizations authorizations;

    @Inject
    SignInSession signIn;

    @Inject
    SignIns signIns;

    @Inject
    AddressLimits addressLimits;

    @Inject
    SessionCapacity sessions;

    @GET
    public Response authorize(@Context UriInfo uri, @Context HttpServletRequest http) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        AuthorizationRequest request;
        try {
            addressLimits.check(RateLimits.Kind.AUTHORIZATION_PER_ADDRESS, http, "authorization requests");
            request = authorizations.check(name -> single(query, name));
        } catch (RateLimited limited) {
            return Response.fromResponse(ErrorPage.response(429, "Too many sign-in requests", limited.getMessage()))
                    .header("Retry-After", limited.retryAfterSeconds()).build();
        } catch (AuthorizationError error) {
            if (error.redirectUri() == null) {
                return ErrorPage.response(400, "This sign-in request cannot be completed", error.getMessage());
            }
            URI back = URI.create(authorizations.errorRedirect(error));
            if ("https".equalsIgnoreCase(back.getScheme())) {
                // anyone may register a client: an automatic redirect to its web address would make this server an
                // open redirector (RFC 9700 4.11.2); the user follows the link, knowing where it leads
                return ErrorPage.withLink(400, "This sign-in request cannot be completed", error.getMessage(), back.toString(),
                        "Return to the application at " + back.getHost());
            }
            return Response.seeOther(back).build();
        } catch (OAuthException error) {
            return ErrorPage.response(400, "This sign-in request cannot be completed", error.getMessage());
        }
        if (sessions.refused(http)) {
            return SessionLimit.busy();
        }
        String id = signIn.hold(request);
        try {
            signIns.signInIfVouchedFor(http);
        } catch (SignInRefused refused) {
            return ErrorPage.response(403, "Sign-in refused", refused.getMessage());
        }
        String page = signIn.user().isPresent() ? "consent.xhtml" : "login.xhtml";
        return Response.seeOther(uri.getBaseUriBuilder().path(page).queryParam("request", id).build()).build();
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest("Parameter " + name + " appears more than once");
        }
        return values.get(0);
    }
}
