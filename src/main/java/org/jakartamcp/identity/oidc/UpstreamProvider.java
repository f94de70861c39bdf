package org.jakartamcp.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.identity.ExternalIdentity;

/**
 * The company's OpenID Connect provider, for signing in (authorization code flow with PKCE S256,
 * state and nonce). Its metadata comes from discovery, fetched when first needed and again after an
 * hour; its signing keys are cached and fetched again for an unknown key id. The provider's tokens
 * are used once, to read the ID token, and never kept or passed on: MCP clients get this server's
 * own tokens only.
 */
@ApplicationScoped
public class UpstreamProvider {

    private static final Logger LOG = Logger.getLogger(UpstreamProvider.class.getName());
    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    private static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);
    /** After a failed discovery, sign-ins fail at once (or use the last good copy) for this long instead of waiting on the provider each time. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.copyOf(JWSAlgorithm.Family.SIGNATURE);

    @Inject
    @ConfigProperty(name = "auth.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "auth.oidc.client-id")
    Optional<String> clientId;

    /** Without a secret the server is a public client of the provider (PKCE only). */
    @Inject
    @ConfigProperty(name = "auth.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "auth.oidc.scopes", defaultValue = "openid,profile,email")
    List<String> scopes;

    @Inject
    @ConfigProperty(name = "auth.oidc.username-claim", defaultValue = "preferred_username")
    String usernameClaim;

    @Inject
    @ConfigProperty(name = "auth.oidc.name-claim", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "auth.oidc.groups-claim", defaultValue = "groups")
    String groupsClaim;

    /** What the sign-in page calls the provider: "Sign in with ...". */
    @Inject
    @ConfigProperty(name = "auth.oidc.display-name", defaultValue = "your company account")
    String displayName;

    /** This server's public address; the provider sends the browser back to {@code <issuer>/oidc/callback}. */
    @Inject
    @ConfigProperty(name = "oauth.issuer")
    String serverAddress;

    private final Clock clock = Clock.systemUTC();
    private volatile Discovered discovered;
    private volatile Instant failedAt = Instant.MIN;

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant fetchedAt) {
    }

    public boolean isConfigured() {
        return issuer.isPresent() && clientId.isPresent();
    }

    public String displayName() {
        return displayName;
    }

    public URI callback() {
        return URI.create(serverAddress.replaceAll("/+$", "") + "/oidc/callback");
    }

    /** A new sign-in for this pending authorization request, and where to send the browser for it. */
    public Redirect start(String pendingRequest) throws UpstreamSignInFailed {
        OIDCProviderMetadata metadata = discover().metadata();
        UpstreamLogin login = new UpstreamLogin(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(),
                pendingRequest, clock.instant());
        Scope scope = new Scope(scopes.toArray(String[]::new));
        scope.add("openid");
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                new ClientID(clientId.orElseThrow()), callback())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(login.state()))
                .nonce(new Nonce(login.nonce()))
                .codeChallenge(new CodeVerifier(login.codeVerifier()), CodeChallengeMethod.S256)
                .build().toURI();
        return new Redirect(login, uri);
    }

    public record Redirect(UpstreamLogin login, URI uri) {
    }

    /** Redeems the provider's code and reads who signed in from the validated ID token. */
    public ExternalIdentity complete(UpstreamLogin login, String code) throws UpstreamSignInFailed {
        if (login.startedAt().plus(LOGIN_LIFETIME).isBefore(clock.instant())) {
            throw new UpstreamSignInFailed("The sign-in took too long. Start again from your application.");
        }
        Discovered provider = discover();
        URI endpoint = provider.metadata().getTokenEndpointURI();
        ClientID client = new ClientID(clientId.orElseThrow());
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), callback(),
                new CodeVerifier(login.codeVerifier()));
        TokenRequest request = clientSecret.map(secret -> new TokenRequest.Builder(endpoint,
                        new ClientSecretBasic(client, new Secret(secret)), grant))
                .orElseGet(() -> new TokenRequest.Builder(endpoint, client, grant)).build();
        HTTPRequest http = request.toHTTPRequest();
        TokenResponse response;
        try {
            IssuerKeys.bound(http);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            LOG.log(Level.WARNING, "The identity provider's token endpoint failed: {0}", e.toString());
            throw unreachable();
        }
        if (!response.indicatesSuccess()) {
            LOG.log(Level.WARNING, "The identity provider refused the code: {0}", response.toErrorResponse().getErrorObject());
            throw new UpstreamSignInFailed("The identity provider did not accept the sign-in. Start again from your application.");
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        if (idToken == null) {
            LOG.warning("The identity provider's token response has no ID token");
            throw new UpstreamSignInFailed("The identity provider's answer could not be verified. Start again from your application.");
        }
        try {
            claims = provider.validator().validate(idToken, new Nonce(login.nonce()));
        } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
            LOG.log(Level.WARNING, "An ID token from the identity provider was rejected: {0}", e.getMessage());
            throw new UpstreamSignInFailed("The identity provider's answer could not be verified. Start again from your application.");
        }
        return new ExternalIdentity(displayName + " (" + issuer.orElseThrow() + ")",
                Optional.of(issuer.orElseThrow() + " " + claims.getSubject().getValue()),
                claims.getStringClaim(usernameClaim), claims.getStringClaim(nameClaim), groups(claims));
    }

    private Optional<List<String>> groups(IDTokenClaimsSet claims) {
        Object value = claims.getClaim(groupsClaim);
        if (value instanceof List<?> list) {
            return Optional.of(list.stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }
        return value instanceof String single ? Optional.of(List.of(single)) : Optional.of(List.of());
    }

    private Discovered discover() throws UpstreamSignInFailed {
        if (!isConfigured()) {
            throw new UpstreamSignInFailed("Sign-in through an identity provider is not configured on this server.");
        }
        Discovered current = discovered;
        Instant now = clock.instant();
        if (current != null && current.fetchedAt().plus(METADATA_LIFETIME).isAfter(now)) {
            return current;
        }
        if (failedAt.plus(RETRY_AFTER_FAILURE).isAfter(now)) {
            if (current != null) {
                return current;
            }
            throw unreachable();
        }
        try {
            Issuer expected = new Issuer(issuer.get());
            OIDCProviderMetadata metadata = IssuerKeys.discover(issuer.get());
            JWKSource<SecurityContext> keySource = IssuerKeys.at(metadata.getJWKSetURI().toURL());
            Set<JWSAlgorithm> algorithms = Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(List.of(JWSAlgorithm.RS256))
                    .stream().filter(ASYMMETRIC::contains).collect(Collectors.toSet());
            IDTokenValidator validator = new IDTokenValidator(expected, new ClientID(clientId.get()),
                    new JWSVerificationKeySelector<>(algorithms, keySource), null);
            validator.setMaxClockSkew(60);
            current = new Discovered(metadata, validator, clock.instant());
            discovered = current;
            return current;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "The identity provider " + issuer.get() + " cannot be discovered: {0}", e.toString());
            failedAt = clock.instant();
            if (current != null) {
                return current;
            }
            throw unreachable();
        }
    }

    private UpstreamSignInFailed unreachable() {
        return new UpstreamSignInFailed("The identity provider (" + displayName + ") cannot be reached right now. Try again in a moment.");
    }
}
