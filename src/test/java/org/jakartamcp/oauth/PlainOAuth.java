package org.jakartamcp.oauth;

import jakarta.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jakartamcp.platform.audit.AuditEvent;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.testing.PlainBeans;

/**
 * The authorization server's request checks (client registration, the authorization request, client
 * metadata documents) over plain objects: registered clients live in a map instead of PostgreSQL, and
 * a metadata document is handed over instead of fetched, so that fuzz targets run them by the million.
 */
public final class PlainOAuth {

    public static final String ISSUER = "https://mcp.example.com";
    /** A registered client with one https and one loopback redirect URI. */
    public static final String CLIENT = "fuzz-client";
    /** A registered client whose only redirect URI is a private-use scheme (RFC 8252 7.1), so it may omit redirect_uri. */
    public static final String NATIVE_CLIENT = "fuzz-native-client";
    /** A registered confidential client (client_secret_basic) and its secret. */
    public static final String CONFIDENTIAL_CLIENT = "fuzz-confidential-client";
    public static final String SECRET = "fuzz-secret";

    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final ClientRegistration registration = new ClientRegistration();
    private final Authorizations authorizations = new Authorizations();
    private final ClientAuthentication clientAuthentication = new ClientAuthentication();
    private final Method parseDocument;
    /** Each instance starts an HTTP client (a thread): one for parsing, one standing in for the fetch. */
    private final ClientMetadataDocuments documents = new ClientMetadataDocuments();
    /** What the "fetch" of a client_id URL answers during the current {@link #authorize} call. */
    private volatile String servedDocument = "";

    public PlainOAuth() {
        OAuthSettings settings = new OAuthSettings();
        settings.config = PlainBeans.config(Map.of("oauth.allowed-redirect-schemes", "cursor,vscode"));
        settings.issuer = ISSUER;
        settings.codeSeconds = 60;
        settings.readLists();
        ClientRepository repository = new ClientRepository() {
            @Override
            void insert(OAuthClient client) {
                // registrations are checked, not kept: a million of them would only fill the map
            }

            @Override
            OAuthClient save(OAuthClient document) {
                return document;
            }

            @Override
            public Optional<OAuthClient> find(String clientId) {
                return Optional.ofNullable(clients.get(clientId));
            }
        };
        SupportedScopes scopes = new SupportedScopes();
        scopes.sources = PlainBeans.instances(List.<ResourceScopes>of(() -> Map.of("mcp:admin", "the administrators' tools")));
        scopes.collect();
        registration.clients = repository;
        registration.settings = settings;
        registration.supportedScopes = scopes;
        registration.audit = new AuditTrail() {
            @Override
            public AuditEvent record(String type, String actor, String detail) {
                return null;
            }
        };
        ProtectedResources resources = new ProtectedResources();
        resources.settings = settings;
        authorizations.clients = repository;
        authorizations.resources = resources;
        authorizations.settings = settings;
        authorizations.supportedScopes = scopes;
        documents.registration = registration;
        authorizations.documents = new ClientMetadataDocuments() {
            @Override
            public OAuthClient resolve(String url) {
                return metadataDocument(url, servedDocument);
            }
        };
        clients.put(CLIENT, new OAuthClient(CLIENT, null, "Fuzz client", null,
                List.of("https://app.example.com/callback?x=1", "http://127.0.0.1/callback"), OAuthClient.PUBLIC, null,
                OffsetDateTime.now()));
        clientAuthentication.clients = repository;
        clients.put(CONFIDENTIAL_CLIENT, new OAuthClient(CONFIDENTIAL_CLIENT, org.jakartamcp.platform.security.SecretHash.of(SECRET),
                "Fuzz confidential client", "https://app.example.com", List.of("https://app.example.com/callback"),
                "client_secret_basic", "mcp:list mcp:call", OffsetDateTime.now()));
        clients.put(NATIVE_CLIENT, new OAuthClient(NATIVE_CLIENT, null, "Fuzz native client", null,
                List.of("cursor://anysphere.cursor-retrieval/oauth/callback"), OAuthClient.PUBLIC, "mcp:list", OffsetDateTime.now()));
        try {
            // private: resolve() fetches the document over HTTP first, which a fuzz target must not do a million times
            parseDocument = ClientMetadataDocuments.class.getDeclaredMethod("parse", String.class, String.class, OffsetDateTime.class);
            parseDocument.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ClientMetadataDocuments.parse(url, body, freshUntil) changed", e);
        }
    }

    /** The client that calls /token or /revoke with this Authorization header and these form parameters. */
    public OAuthClient authenticate(String authorization, Function<String, String> parameters) {
        return clientAuthentication.authenticate(authorization, parameters);
    }

    /** POST /register after its body was read as a JSON object. */
    public ClientRegistration.Registered register(JsonObject metadata) {
        return registration.register(metadata);
    }

    /**
     * GET /authorize's checks of these parameters; a client_id that is a URL is described by {@code document},
     * as if fetched from there.
     */
    public AuthorizationRequest authorize(Function<String, String> parameters, String document) {
        servedDocument = document;
        return authorizations.check(parameters);
    }

    /** The redirect that tells the client why its authorization request was refused. */
    public String errorRedirect(AuthorizationError error) {
        return authorizations.errorRedirect(error);
    }

    /** The client a metadata document fetched from this URL describes. */
    public OAuthClient metadataDocument(String url, String body) {
        try {
            return (OAuthClient) parseDocument.invoke(documents, url, body, OffsetDateTime.now().plusHours(1));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
