package org.jakartamcp.oauth.web;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.jakartamcp.oauth.ClientAuthentication;
import org.jakartamcp.oauth.ClientCredentialsGrant;
import org.jakartamcp.oauth.IdJagGrant;
import org.jakartamcp.oauth.GrantRevocation;
import org.jakartamcp.oauth.OAuthClient;
import org.jakartamcp.oauth.OAuthException;
import org.jakartamcp.oauth.Tokens;
import org.jakartamcp.platform.ratelimit.RateLimits;

/** {@code POST /token} (authorization_code, refresh_token, client_credentials, jwt-bearer with an ID-JAG) and {@code POST /revoke} (RFC 7009). */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    Tokens tokens;

    @Inject
    GrantRevocation revocation;

    @Inject
    ClientCredentialsGrant clientCredentials;

    @Inject
    IdJagGrant idJag;

    @Inject
    AddressLimits addressLimits;

    @POST
    @Path("token")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServletRequest request,
                          InputStream body) {
        addressLimits.check(RateLimits.Kind.TOKEN_PER_ADDRESS, request, "token requests");
        Map<String, String> form = FormParameters.read(body);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("grant_type is required");
        }
        OAuthClient client = clientAuthentication.authenticate(authorization, form::get);
        Tokens.Issued issued = switch (grantType) {
            case "authorization_code" -> tokens.redeemCode(client, form.get("code"), form.get("code_verifier"), form.get("redirect_uri"));
            case "refresh_token" -> tokens.refresh(client, form.get("refresh_token"), form.get("scope"));
            case ClientCredentialsGrant.GRANT_TYPE -> clientCredentials.issue(client, form.get("scope"), form.get("resource"));
            case IdJagGrant.GRANT_TYPE -> idJag.redeem(client, form.get("assertion"), form.get("scope"), form.get("resource"));
            default -> throw new OAuthException("unsupported_grant_type", "Supported: authorization_code, refresh_token, "
                    + ClientCredentialsGrant.GRANT_TYPE + (idJag.offered() ? ", " + IdJagGrant.GRANT_TYPE : ""));
        };
        JsonObjectBuilder answer = JSON.createObjectBuilder()
                .add("access_token", issued.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn());
        if (issued.refreshToken() != null) {
            answer.add("refresh_token", issued.refreshToken());
        }
        return Response.ok(answer.add("scope", issued.scope()).build()).cacheControl(OAuthJson.NO_STORE)
                .header("Pragma", "no-cache").build();
    }

    @POST
    @Path("revoke")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServletRequest request,
                           InputStream body) {
        addressLimits.check(RateLimits.Kind.TOKEN_PER_ADDRESS, request, "token requests");
        Map<String, String> form = FormParameters.read(body);
        OAuthClient client = clientAuthentication.authenticate(authorization, form::get);
        String token = form.get("token");
        if (token == null) {
            throw OAuthException.invalidRequest("token is required");
        }
        // either kind of token ends its grant; token_type_hint is not needed to tell them apart (RFC 7009 2.1 allows ignoring it)
        revocation.revokeToken(client, token);
        return Response.ok().cacheControl(OAuthJson.NO_STORE).build();
    }
}
