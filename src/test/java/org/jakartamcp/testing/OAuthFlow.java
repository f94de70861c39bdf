package org.jakartamcp.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An OAuth client as the MCP clients are one, in Java, for tests: it registers, sends a browser
 * (an HTTP client with a cookie jar) through the real sign-in and consent pages, and redeems the
 * code. Each step is a method, so that a test can stop at any point and do something else.
 */
public final class OAuthFlow {

    private static final Pattern UPSTREAM_LINK = Pattern.compile("<a id=\"sign-in-upstream\"[^>]*href=\"([^\"]*)\"");
    public static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final Pattern FORM_ACTION = Pattern.compile("<form id=\"(\\w+)\"[^>]*action=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    private final String base;
    private final HttpClient browser;
    private final CookieManager cookies;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> everyRequest;

    public OAuthFlow(String base) {
        this(base, Map.of());
    }

    /** A browser whose every request carries these headers (as a proxy in front of the server adds X-Forwarded-For). */
    public OAuthFlow(String base, Map<String, String> everyRequest) {
        this(base, everyRequest, new CookieManager());
    }

    private OAuthFlow(String base, Map<String, String> everyRequest, CookieManager cookies) {
        this.base = base;
        this.everyRequest = Map.copyOf(everyRequest);
        this.cookies = cookies;
        this.browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The same browser (its cookies) in front of another instance of the server at {@code otherBase}, as a load
     * balancer without sticky sessions would send it: requests made through the returned flow go there.
     */
    public OAuthFlow at(String otherBase) {
        return new OAuthFlow(otherBase, everyRequest, cookies);
    }

    /** The same URL (path and query) on this flow's server: a redirect of one instance followed on another. */
    public String here(String url) {
        URI given = URI.create(url);
        URI server = URI.create(base);
        return server.getScheme() + "://" + server.getRawAuthority() + given.getRawPath()
                + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
    }

    /** The value of the browser's cookie of that name for this flow's server, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(base)).stream().filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Registers a public client with the test redirect URI and returns its client_id. */
    public String registerPublicClient(String name) {
        return registerPublicClient(name, null);
    }

    /** The same, registered for this scope (space-separated; none when null). */
    public String registerPublicClient(String name, String scope) {
        HttpResponse<String> response = post(base + "/register", "application/json", "{\"redirect_uris\":[\"" + REDIRECT_URI
                + "\"],\"token_endpoint_auth_method\":\"none\",\"client_name\":\"" + name + "\""
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}", null);
        if (response.statusCode() != 201) {
            throw new AssertionError("registration: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response).getString("client_id");
    }

    /** A PKCE verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {
    }

    public Pkce pkce() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(verifier, challenge(verifier));
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization URL with the usual parameters; {@code extra} adds or, with a null value, removes some. */
    public String authorizeUrl(String clientId, Pkce pkce, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.put("state", "state-" + random.nextInt(1_000_000));
        query.put("resource", base + "/mcp");
        query.put("scope", "mcp:list mcp:call");
        extra.forEach((name, value) -> {
            if (value == null) {
                query.remove(name);
            } else {
                query.put(name, value);
            }
        });
        return base + "/authorize?" + form(query);
    }

    /** The browser opens a URL; the answer, not followed if it is a redirect. */
    public HttpResponse<String> open(String url) {
        return open(url, Map.of());
    }

    /** Opens a URL with extra request headers (as a proxy in front of the server would add them). */
    public HttpResponse<String> open(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        everyRequest.forEach(request::header);
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Follows redirects within this server and returns the page where they end (or the redirect that leaves it). */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            String location = location(current);
            if (!location.startsWith(base)) {
                return current;
            }
            current = open(location);
        }
        return current;
    }

    /** Fills in and submits the sign-in form on the given page. */
    public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
        return submit(loginPage, Map.of("username", username, "password", password), "sign-in");
    }

    /**
     * Presses the sign-in page's button of the company's identity provider: through the provider
     * (which signs in whoever {@link CompanyIdentityProvider#nextSignIn} named) and back; the page where it ends.
     */
    public HttpResponse<String> signInThroughProvider(HttpResponse<String> loginPage) {
        Matcher link = UPSTREAM_LINK.matcher(loginPage.body());
        if (!link.find()) {
            throw new AssertionError("no sign-in through the identity provider on " + loginPage.uri() + ": " + loginPage.body());
        }
        HttpResponse<String> toProvider = open(loginPage.uri().resolve(link.group(1).replace("&amp;", "&")).toString());
        HttpResponse<String> fromProvider = open(location(toProvider));
        return follow(open(location(fromProvider)));
    }

    /** Presses a button (allow, deny) of the consent page. */
    public HttpResponse<String> decide(HttpResponse<String> consentPage, String button) {
        return submit(consentPage, Map.of(), button);
    }

    /** The whole flow with the test administrator: returns the code redirect's query parameters. */
    public Map<String, String> authorize(String clientId, Pkce pkce) {
        return authorize(clientId, pkce, "admin", TestServer.adminPassword());
    }

    public Map<String, String> authorize(String clientId, Pkce pkce, String username, String password) {
        HttpResponse<String> login = follow(open(authorizeUrl(clientId, pkce, Map.of())));
        HttpResponse<String> consent = follow(signIn(login, username, password));
        return query(location(decide(consent, "allow")));
    }

    /** POST /token with a form; returns the response as is. */
    public HttpResponse<String> token(Map<String, String> parameters) {
        return post(base + "/token", "application/x-www-form-urlencoded", form(parameters), null);
    }

    /** POST /token with a form, the client authenticated by HTTP Basic (client_secret_basic, RFC 6749 2.3.1); the response as is. */
    public HttpResponse<String> token(Map<String, String> parameters, String clientId, String secret) {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return post(base + "/token", "application/x-www-form-urlencoded", form(parameters),
                "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** POST /revoke (RFC 7009) of a token of this public client; returns the response as is. */
    public HttpResponse<String> revoke(String token, String clientId) {
        return post(base + "/revoke", "application/x-www-form-urlencoded", form(Map.of("token", token, "client_id", clientId)), null);
    }

    public HttpResponse<String> redeem(String clientId, String code, String verifier) {
        return token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "code_verifier", verifier, "redirect_uri", REDIRECT_URI));
    }

    /** Registers a client and runs the whole flow as the test administrator: the token response. */
    public JsonObject tokens() {
        return tokens("admin", TestServer.adminPassword());
    }

    public JsonObject tokens(String username, String password) {
        return tokens(username, password, base + "/mcp");
    }

    /** Tokens for another resource (RFC 8707), e.g. {@code <base>/sse}. */
    public JsonObject tokensFor(String resource) {
        return tokens("admin", TestServer.adminPassword(), resource);
    }

    /** Tokens of this user for one resource (RFC 8707), e.g. {@code <base>/sse}. */
    public JsonObject tokens(String username, String password, String resource) {
        return tokens(username, password, Map.of("resource", resource));
    }

    /** Tokens of the test administrator for {@code /mcp} with this scope (space-separated), e.g. a tool's step-up scope. */
    public JsonObject tokensWithScope(String scope) {
        return tokens("admin", TestServer.adminPassword(), Map.of("resource", base + "/mcp", "scope", scope));
    }

    private JsonObject tokens(String username, String password, Map<String, String> authorization) {
        String clientId = registerPublicClient("Test client");
        Pkce pkce = pkce();
        HttpResponse<String> login = follow(open(authorizeUrl(clientId, pkce, authorization)));
        HttpResponse<String> consent = follow(signIn(login, username, password));
        String code = query(location(decide(consent, "allow"))).get("code");
        HttpResponse<String> response = redeem(clientId, code, pkce.verifier());
        if (response.statusCode() != 200) {
            throw new AssertionError("token: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    /** Registers a client and runs the whole flow as a person the company's identity provider signs in: the token response. */
    public JsonObject tokensThroughProvider(String username, List<String> groups) {
        CompanyIdentityProvider.nextSignIn(username, username, groups);
        return tokensThroughProvider();
    }

    /** The same, for whoever the provider signs in next ({@link CompanyIdentityProvider#nextSignIn}). */
    public JsonObject tokensThroughProvider() {
        String clientId = registerPublicClient("Test client");
        Pkce pkce = pkce();
        HttpResponse<String> login = follow(open(authorizeUrl(clientId, pkce, Map.of("resource", base + "/mcp"))));
        HttpResponse<String> consent = signInThroughProvider(login);
        String code = query(location(decide(consent, "allow"))).get("code");
        return Http.json(redeem(clientId, code, pkce.verifier()));
    }

    /** The claims of an access token (its payload, unverified: the tests read what the server put there). */
    public static JsonObject claims(String accessToken) {
        return Http.json(new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    public static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3;
    }

    /**
     * Submits the page's form with the given fields (which may also replace hidden ones) and button, to this flow's
     * server (the page's own unless it came from another instance, {@link #at}).
     */
    public HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields, String button) {
        Matcher form = FORM_ACTION.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("no form on " + page.uri() + ": " + page.statusCode() + " " + page.body());
        }
        return submit(page, page.body(), form.group(2), fields, button);
    }

    /**
     * Submits, of a page with a form per row, the form around {@code marker} (e.g. a row's hidden value), with only that
     * form's hidden fields, as a browser does.
     */
    public HttpResponse<String> submitFormAround(HttpResponse<String> page, String marker, Map<String, String> fields, String button) {
        String body = page.body();
        int at = body.indexOf(marker);
        int start = at < 0 ? -1 : body.lastIndexOf("<form", at);
        if (start < 0) {
            throw new AssertionError("no form around " + marker + " on " + page.uri() + ": " + body);
        }
        String form = body.substring(start, body.indexOf("</form>", at));
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(form);
        if (!action.find()) {
            throw new AssertionError("a form without an action: " + form);
        }
        return submit(page, form, action.group(1), fields, button);
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String form, String action, Map<String, String> fields, String button) {
        // what a browser sends: the form's hidden fields (Faces' view state and form marker), the fields, the button
        Map<String, String> values = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            values.put(hidden.group(1), hidden.group(2).replace("&#x3a;", ":").replace("&#58;", ":"));
        }
        values.putAll(fields);
        values.put(button, button);
        return post(here(page.uri().resolve(action.replace("&amp;", "&")).toString()), "application/x-www-form-urlencoded", form(values), null);
    }

    private HttpResponse<String> post(String url, String type, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        everyRequest.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
