package org.jakartamcp.oauth.web;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.jakartamcp.oauth.ClientRegistration;
import org.jakartamcp.oauth.OAuthClient;
import org.jakartamcp.platform.ratelimit.RateLimits;

/** {@code POST /register}: dynamic client registration (RFC 7591). */
@ApplicationScoped
@Path("register")
public class RegistrationResource {

    @Inject
    ClientRegistration registration;

    @Inject
    AddressLimits addressLimits;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@Context HttpServletRequest request, InputStream body) {
        addressLimits.check(RateLimits.Kind.REGISTRATION_PER_ADDRESS, request, "client registrations");
        JsonObject metadata = OAuthJson.object(body);
        ClientRegistration.Registered registered = registration.register(metadata);
        OAuthClient client = registered.client();
        JsonArrayBuilder redirectUris = JSON.createArrayBuilder(client.redirectUris());
        JsonObjectBuilder response = JSON.createObjectBuilder()
                .add("client_id", client.clientId())
                .add("client_id_issued_at", client.createdAt().toEpochSecond())
                .add("redirect_uris", redirectUris)
                .add("token_endpoint_auth_method", client.tokenEndpointAuthMethod())
                .add("grant_types", JSON.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("response_types", JSON.createArrayBuilder().add("code"));
        if (registered.secret() != null) {
            response.add("client_secret", registered.secret()).add("client_secret_expires_at", 0);
        }
        if (client.clientName() != null) {
            response.add("client_name", client.clientName());
        }
        if (client.clientUri() != null) {
            response.add("client_uri", client.clientUri());
        }
        if (client.scope() != null) {
            response.add("scope", client.scope());
        }
        return Response.status(Response.Status.CREATED).entity(response.build()).cacheControl(OAuthJson.NO_STORE).build();
    }
}
