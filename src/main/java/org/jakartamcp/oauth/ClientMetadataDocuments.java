package org.jakartamcp.oauth;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.security.OutboundAddresses;
import org.jakartamcp.platform.web.BoundedBody;

/**
 * Clients identified by a Client ID Metadata Document (MCP 2025-11-25): the client_id is an https
 * URL, and the document found there describes the client. It is fetched only from public
 * addresses, with bounded size and time and no redirects, and kept in PostgreSQL for as long as its
 * Cache-Control allows (at least a minute, at most a day). Why a fetch failed is logged, never told
 * to the browser: the answer would map the server's network for whoever picks the URL.
 */
@ApplicationScoped
public class ClientMetadataDocuments {

    static final int MAX_DOCUMENT_BYTES = 5 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    private static final Duration MIN_MAX_AGE = Duration.ofMinutes(1);
    private static final Duration MAX_MAX_AGE = Duration.ofDays(1);
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d{1,9})");
    private static final Logger LOG = Logger.getLogger(ClientMetadataDocuments.class.getName());
    static final String NOT_FETCHED = "its client metadata document could not be fetched";

    @Inject
    ClientRepository clients;

    @Inject
    ClientRegistration registration;

    /** For tests and intranets: lets documents come from private addresses and over plain http. */
    @Inject
    @ConfigProperty(name = "oauth.client-metadata.allow-private-network", defaultValue = "false")
    boolean allowPrivateNetwork;

    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Whether a client_id is a metadata document URL rather than a registered id. */
    public static boolean isDocumentUrl(String clientId) {
        return clientId.startsWith("https://") || clientId.startsWith("http://");
    }

    /** The client the document at this URL describes, from the stored copy while it is fresh. */
    public OAuthClient resolve(String url) {
        Optional<OAuthClient> stored = clients.find(url).filter(OAuthClient::isMetadataDocument);
        if (stored.isPresent() && stored.get().freshUntil() != null && stored.get().freshUntil().isAfter(OffsetDateTime.now(clock))) {
            return stored.get();
        }
        URI uri = checkedUrl(url);
        // one deadline for the whole exchange, body included: a server that drips its answer is cut off
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build(), bounded());
        HttpResponse<String> response;
        try {
            response = exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof AuthorizationError refusal) {
                    throw refusal;
                }
            }
            throw notFetched(url, "the request failed", e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw notFetched(url, "no answer within " + TIMEOUT.toSeconds() + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notFetched(url, "interrupted", null);
        }
        if (response.statusCode() != 200) {
            throw notFetched(url, "it answered HTTP " + response.statusCode(), null);
        }
        String body = response.body();
        OAuthClient document = parse(url, body, freshUntil(response));
        try {
            return clients.save(document);
        } catch (PersistenceException concurrentFirstFetch) {
            // another request stored the same document first: refresh its row instead
            return clients.save(document);
        }
    }

    URI checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("the client_id is not a URL");
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || "/".equals(path) || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..") || uri.getRawQuery() != null) {
            throw refused("a client_id URL needs a path, without dot segments or a query");
        }
        String problem = OutboundAddresses.urlProblem(uri, allowPrivateNetwork);
        if (problem != null) {
            throw refused("the client_id URL " + problem);
        }
        String addressProblem = allowPrivateNetwork ? null : OutboundAddresses.addressProblem(uri.getHost());
        if (addressProblem != null) {
            throw notFetched(url, "its URL " + addressProblem, null);
        }
        return uri;
    }

    /** The body as text, read up to the size bound; an error status is answered without reading its body. */
    private static HttpResponse.BodyHandler<String> bounded() {
        return info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> {
            if (info.statusCode() != 200) {
                return "";
            }
            try (InputStream body = in) {
                return BoundedBody.read(body, MAX_DOCUMENT_BYTES);
            } catch (BoundedBody.TooLarge e) {
                throw refused("its client metadata document is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            } catch (BoundedBody.NotUtf8 | IOException e) {
                throw refused("its client metadata document could not be read");
            }
        });
    }

    private OAuthClient parse(String url, String body, OffsetDateTime freshUntil) {
        JsonObject metadata;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            metadata = reader.readObject();
        } catch (JsonException | IllegalStateException | NumberFormatException e) {
            // NumberFormatException: the parser's BigDecimal refuses a number like 1e99999999999
            throw refused("its client metadata document is not a JSON object");
        }
        if (!(metadata.get("client_id") instanceof JsonString id) || !url.equals(id.getString())) {
            throw refused("its client metadata document names another client_id");
        }
        String method = ClientRegistration.optionalString(metadata, "token_endpoint_auth_method", 32);
        if (method != null && !OAuthClient.PUBLIC.equals(method)) {
            throw refused("a client known by its metadata document must use token_endpoint_auth_method none");
        }
        if (metadata.containsKey("client_secret")) {
            throw refused("a client metadata document must not contain a client_secret");
        }
        List<String> redirectUris = registration.redirectUris(metadata.get("redirect_uris"));
        return OAuthClient.fromMetadataDocument(url, ClientRegistration.optionalString(metadata, "client_name",
                ClientRegistration.MAX_NAME_LENGTH), ClientRegistration.optionalString(metadata, "client_uri",
                RedirectUris.MAX_LENGTH), redirectUris, OffsetDateTime.now(clock), freshUntil);
    }

    private OffsetDateTime freshUntil(HttpResponse<?> response) {
        Duration maxAge = response.headers().firstValue("Cache-Control").map(MAX_AGE::matcher).filter(Matcher::find)
                .map(match -> Duration.ofSeconds(Long.parseLong(match.group(1)))).orElse(DEFAULT_MAX_AGE);
        Duration bounded = maxAge.compareTo(MIN_MAX_AGE) < 0 ? MIN_MAX_AGE : maxAge.compareTo(MAX_MAX_AGE) > 0 ? MAX_MAX_AGE : maxAge;
        return OffsetDateTime.now(clock).plus(bounded);
    }

    /**
     * Why a document could not be fetched goes to the log only: whoever named the URL learns nothing about
     * which addresses a name resolves to, which ports answer or what failed (the server's network stays unmapped).
     */
    private static AuthorizationError notFetched(String url, String detail, Throwable cause) {
        LOG.log(Level.INFO, "Client metadata document " + url + " not fetched: " + detail, cause);
        return refused(NOT_FETCHED);
    }

    private static AuthorizationError refused(String reason) {
        return AuthorizationError.toUser("This client cannot be used: " + reason);
    }
}
