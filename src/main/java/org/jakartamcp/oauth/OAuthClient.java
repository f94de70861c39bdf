package org.jakartamcp.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** A registered client (RFC 7591). */
@Entity
@Table(name = "oauth_client")
@NamedQuery(name = OAuthClient.NEWEST, query = "select c from OAuthClient c order by c.createdAt desc, c.clientId")
@NamedQuery(name = OAuthClient.FIRST_GRANTED, query = "update OAuthClient c set c.firstGrantedAt = :at "
        + "where c.clientId = :client and c.firstGrantedAt is null")
public class OAuthClient {

    static final String NEWEST = "OAuthClient.newest";
    static final String FIRST_GRANTED = "OAuthClient.firstGranted";

    public static final String PUBLIC = "none";

    @Id
    @Column(name = "client_id", length = 512)
    String clientId;

    @Column(name = "secret_hash", length = 64)
    String secretHash;

    @Column(name = "client_name")
    String clientName;

    @Column(name = "client_uri", length = 2000)
    String clientUri;

    /** One URI per line. */
    @Column(name = "redirect_uris", nullable = false, length = 20000)
    String redirectUris;

    @Column(name = "token_endpoint_auth_method", nullable = false, length = 32)
    String tokenEndpointAuthMethod;

    @Column(length = 1000)
    String scope;

    @Column(name = "metadata_document", nullable = false)
    boolean metadataDocument;

    @Column(nullable = false)
    boolean disabled;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "fresh_until")
    OffsetDateTime freshUntil;

    /** A service client: an administrator registered it for the client credentials grant, and only it may use that grant. */
    @Column(name = "client_credentials", nullable = false)
    boolean clientCredentials;

    /** Null until a user first grants the client something; a client never used is deleted after a while. */
    @Column(name = "first_granted_at")
    OffsetDateTime firstGrantedAt;

    protected OAuthClient() {
    }

    OAuthClient(String clientId, String secretHash, String clientName, String clientUri, List<String> redirectUris,
                String tokenEndpointAuthMethod, String scope, OffsetDateTime createdAt) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.clientName = clientName;
        this.clientUri = clientUri;
        this.redirectUris = String.join("\n", redirectUris);
        this.tokenEndpointAuthMethod = tokenEndpointAuthMethod;
        this.scope = scope;
        this.createdAt = createdAt;
    }

    /** A client known by its metadata document: its client_id is the document's URL. */
    static OAuthClient fromMetadataDocument(String url, String clientName, String clientUri, List<String> redirectUris,
                                            OffsetDateTime now, OffsetDateTime freshUntil) {
        OAuthClient client = new OAuthClient(url, null, clientName, clientUri, redirectUris, PUBLIC, null, now);
        client.metadataDocument = true;
        client.freshUntil = freshUntil;
        return client;
    }

    /**
     * A service client (client credentials grant): confidential, no redirect URIs, so no user can be sent through it.
     * Counted as granted from the start: housekeeping deletes clients that no user ever granted anything.
     */
    static OAuthClient serviceClient(String clientId, String secretHash, String clientName, String scope, OffsetDateTime now) {
        OAuthClient client = new OAuthClient(clientId, secretHash, clientName, null, List.of(), "client_secret_basic", scope, now);
        client.clientCredentials = true;
        client.firstGrantedAt = now;
        return client;
    }

    void refreshFrom(OAuthClient document) {
        this.clientName = document.clientName;
        this.clientUri = document.clientUri;
        this.redirectUris = document.redirectUris;
        this.freshUntil = document.freshUntil;
    }

    public boolean isMetadataDocument() {
        return metadataDocument;
    }

    OffsetDateTime freshUntil() {
        return freshUntil;
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public String clientUri() {
        return clientUri;
    }

    /** None for a service client: an authorization request can name no URI of it, so no user is ever sent through it. */
    public List<String> redirectUris() {
        return redirectUris.isEmpty() ? List.of() : List.of(redirectUris.split("\n"));
    }

    public String tokenEndpointAuthMethod() {
        return tokenEndpointAuthMethod;
    }

    public String scope() {
        return scope;
    }

    /** Whether it may use the client credentials grant (registered by an administrator as a service client). */
    public boolean isServiceClient() {
        return clientCredentials;
    }

    public boolean isPublic() {
        return secretHash == null;
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public String secretHash() {
        return secretHash;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
