package org.jakartamcp.oauth.web;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jakartamcp.oauth.IdJagGrant;
import org.jakartamcp.oauth.OAuthSettings;
import org.jakartamcp.oauth.SupportedScopes;
import org.jakartamcp.oauth.ProtectedResources;
import org.jakartamcp.oauth.SigningKeys;

/**
 * What a client reads before it signs a user in: the authorization server's metadata (RFC 8414),
 * the protected resources' metadata (RFC 9728) for {@code /mcp} and {@code /sse}, and the public
 * keys that verify access tokens.
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private static final CacheControl ONE_HOUR = CacheControl.valueOf("public, max-age=3600");
    private static final CacheControl FIVE_MINUTES = CacheControl.valueOf("public, max-age=300");

    @Inject
    OAuthSettings settings;

    @Inject
    ProtectedResources resources;

    @Inject
    SigningKeys keys;

    @Inject
    SupportedScopes supportedScopes;

    @Inject
    IdJagGrant idJag;

    @GET
    @Path(".well-known/oauth-authorization-server")
    public Response authorizationServer() {
        return Response.ok(authorizationServerMetadata()).cacheControl(ONE_HOUR).build();
    }

    @GET
    @Path(".well-known/oauth-protected-resource")
    public Response protectedResource() {
        return protectedResource(ProtectedResources.MCP);
    }

    @GET
    @Path(".well-known/oauth-protected-resource/{path: mcp|sse}")
    public Response protectedResource(@jakarta.ws.rs.PathParam("path") String path) {
        return Response.ok(JSON.createObjectBuilder()
                .add("resource", resources.url(path))
                .add("authorization_servers", JSON.createArrayBuilder().add(settings.issuer()))
                .add("scopes_supported", JSON.createArrayBuilder(supportedScopes.all()))
                .add("bearer_methods_supported", JSON.createArrayBuilder().add("header"))
                .add("resource_name", "Math tools (MCP)")
                .build()).cacheControl(ONE_HOUR).build();
    }

    @GET
    @Path("jwks")
    @Produces("application/jwk-set+json")
    public Response jwks() {
        return Response.ok(keys.publicKeys().toString(true)).cacheControl(FIVE_MINUTES).build();
    }

    private JsonObject authorizationServerMetadata() {
        String issuer = settings.issuer();
        var grantTypes = JSON.createArrayBuilder().add("authorization_code").add("refresh_token")
                .add(org.jakartamcp.oauth.ClientCredentialsGrant.GRANT_TYPE);
        if (idJag.offered()) {
            grantTypes.add(IdJagGrant.GRANT_TYPE);
        }
        var metadata = JSON.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/authorize")
                .add("token_endpoint", issuer + "/token")
                .add("registration_endpoint", issuer + "/register")
                .add("revocation_endpoint", issuer + "/revoke")
                .add("jwks_uri", issuer + "/jwks")
                .add("scopes_supported", JSON.createArrayBuilder(supportedScopes.all()))
                .add("response_types_supported", JSON.createArrayBuilder().add("code"))
                .add("response_modes_supported", JSON.createArrayBuilder().add("query"))
                // client_credentials for service clients (the MCP OAuth Client Credentials extension), with client_secret_basic or _post
                .add("grant_types_supported", grantTypes)
                .add("token_endpoint_auth_methods_supported",
                        JSON.createArrayBuilder().add("none").add("client_secret_basic").add("client_secret_post"))
                .add("revocation_endpoint_auth_methods_supported",
                        JSON.createArrayBuilder().add("none").add("client_secret_basic").add("client_secret_post"))
                .add("code_challenge_methods_supported", JSON.createArrayBuilder().add("S256"))
                .add("authorization_response_iss_parameter_supported", true)
                .add("client_id_metadata_document_supported", true);
        if (idJag.offered()) {
            // Enterprise-Managed Authorization 6: how a client learns that ID-JAGs are accepted here
            metadata.add("authorization_grant_profiles_supported", JSON.createArrayBuilder().add(IdJagGrant.PROFILE));
        }
        return metadata.build();
    }
}
