package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jakartamcp.identity.User;
import org.jakartamcp.platform.security.SecretHash;

/**
 * The authorization endpoint's logic: checks a request (client, redirect URI, PKCE S256, scope,
 * RFC 8707 resource), and turns the user's decision into the redirect back to the client, with a
 * code or {@code access_denied}, and the issuer (RFC 9207).
 */
@ApplicationScoped
public class Authorizations {

    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_STATE_LENGTH = 1000;

    @Inject
    ClientRepository clients;

    @Inject
    ClientMetadataDocuments documents;

    @Inject
    ProtectedResources resources;

    @Inject
    OAuthSettings settings;

    @Inject
    OAuthStore store;

    @Inject
    ScopePolicy scopes;

    @Inject
    SupportedScopes supportedScopes;

    private final Clock clock = Clock.systemUTC();

    /** Checks an authorization request; its parameters come from {@code parameter}, which gives null for a missing one. */
    public AuthorizationRequest check(Function<String, String> parameter) {
        String clientId = parameter.apply("client_id");
        if (clientId == null || clientId.isEmpty() || clientId.length() > 512) {
            throw AuthorizationError.toUser("The request names no client (client_id)");
        }
        OAuthClient client = (ClientMetadataDocuments.isDocumentUrl(clientId) ? Optional.of(documents.resolve(clientId))
                : clients.find(clientId)).filter(found -> !found.isDisabled())
                .orElseThrow(() -> AuthorizationError.toUser("Unknown or disabled client"));
        String redirectUri = parameter.apply("redirect_uri");
        boolean redirectUriGiven = redirectUri != null;
        if (redirectUriGiven && redirectUri.length() > RedirectUris.MAX_LENGTH) {
            throw AuthorizationError.toUser("The redirect_uri is longer than " + RedirectUris.MAX_LENGTH + " characters");
        }
        if (redirectUri == null) {
            if (client.redirectUris().size() != 1) {
                throw AuthorizationError.toUser("The request names no redirect_uri");
            }
            redirectUri = client.redirectUris().get(0);
        }
        String requested = redirectUri;
        if (client.redirectUris().stream().noneMatch(registered -> RedirectUris.matches(registered, requested))) {
            throw AuthorizationError.toUser("The redirect_uri is not registered for this client");
        }
        String state = parameter.apply("state");
        if (state != null && state.length() > MAX_STATE_LENGTH) {
            throw AuthorizationError.toUser("The state parameter is longer than " + MAX_STATE_LENGTH + " characters");
        }
        if (!"code".equals(parameter.apply("response_type"))) {
            throw refused("unsupported_response_type", "response_type must be code", redirectUri, state);
        }
        String challenge = parameter.apply("code_challenge");
        String method = parameter.apply("code_challenge_method");
        if (challenge == null) {
            throw refused("invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256", redirectUri, state);
        }
        if (!"S256".equals(method)) {
            throw refused("invalid_request", "code_challenge_method must be S256 (plain is not allowed)", redirectUri, state);
        }
        if (!CODE_CHALLENGE.matcher(challenge).matches()) {
            throw refused("invalid_request", "code_challenge must be a base64url SHA-256 (43 characters)", redirectUri, state);
        }
        String resource = parameter.apply("resource");
        if (resource == null) {
            resource = resources.url(ProtectedResources.MCP);
        } else if (!resources.isKnown(resource)) {
            throw refused("invalid_target", "Unknown resource; this server protects " + String.join(" and ", resources.all()),
                    redirectUri, state);
        }
        String scope = scope(parameter.apply("scope"), client, redirectUri, state);
        return new AuthorizationRequest(client.clientId(), client.clientName(), redirectUri, redirectUriGiven, state, challenge, scope,
                resource);
    }

    /** The user allowed the request: a new grant and a code for it. */
    @Transactional
    public String approve(AuthorizationRequest request, User user) {
        String scope = scopes.narrow(request.scope(), user);
        if (scope.isEmpty()) {
            return errorRedirect(new AuthorizationError("access_denied", "The user's account may not have the requested scope",
                    request.redirectUri(), request.state()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Grant grant = new Grant(user.id(), request.clientId(), scope, request.resource(), now);
        store.insert(grant);
        store.firstGranted(request.clientId(), now);
        String code = SecretHash.newSecret();
        store.insert(new AuthorizationCode(SecretHash.of(code), grant.id(), request.redirectUriGiven() ? request.redirectUri() : "",
                request.codeChallenge(),
                now.plus(settings.codeLifetime())));
        return redirect(request.redirectUri(), request.state(), "code", code);
    }

    /** The user refused the request. */
    public String deny(AuthorizationRequest request) {
        return errorRedirect(new AuthorizationError("access_denied", "The user denied the request", request.redirectUri(),
                request.state()));
    }

    /** The redirect that tells the client why its request was refused. */
    public String errorRedirect(AuthorizationError error) {
        return redirect(error.redirectUri(), error.state(), "error", error.error(), "error_description", error.getMessage());
    }

    /** The redirect URI with the given parameters, the state and the issuer added to its query. */
    private String redirect(String redirectUri, String state, String... parameters) {
        StringBuilder uri = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        for (int i = 0; i < parameters.length; i += 2) {
            uri.append(parameters[i]).append('=').append(encode(parameters[i + 1])).append('&');
        }
        if (state != null) {
            uri.append("state=").append(encode(state)).append('&');
        }
        return uri.append("iss=").append(encode(settings.issuer())).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The scope asked for, checked: the client's registered scope limits mcp:list and mcp:call, never a tool's
     * step-up scope, which a client learns from a 403 long after it registered (and re-registering would lose its grant).
     */
    private String scope(String requested, OAuthClient client, String redirectUri, String state) {
        Set<String> allowed = new LinkedHashSet<>(supportedScopes.all());
        if (client.scope() != null) {
            allowed.removeIf(scope -> OAuthSettings.SCOPES.contains(scope) && !Arrays.asList(client.scope().split(" ")).contains(scope));
        }
        if (requested == null || requested.isBlank()) {
            // without a scope, what clients need to work; step-up scopes are asked for when a tool needs them
            return supportedScopes.ordered(allowed.stream().filter(OAuthSettings.SCOPES::contains).toList());
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +")));
        if (!allowed.containsAll(scopes)) {
            throw refused("invalid_scope", "Scopes this client may ask for: " + String.join(" ", allowed), redirectUri, state);
        }
        return supportedScopes.ordered(scopes);
    }

    private static AuthorizationError refused(String error, String description, String redirectUri, String state) {
        return new AuthorizationError(error, description, redirectUri, state);
    }
}
