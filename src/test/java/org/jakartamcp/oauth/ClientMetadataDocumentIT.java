package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestPaths;
import org.jakartamcp.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients identified by a Client ID Metadata Document: the documents are served by this test over
 * real HTTP on 127.0.0.1 (the test server allows private addresses; production refuses them, see
 * OutboundAddressesTest).
 */
class ClientMetadataDocumentIT {

    private static HttpServer documents;
    private static String origin;
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final int AT_ONCE = 6;
    private static final CountDownLatch TOGETHER = new CountDownLatch(AT_ONCE);

    @BeforeAll
    static void serveDocuments() throws IOException {
        documents = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin = "http://127.0.0.1:" + documents.getAddress().getPort();
        serve("/good.json", document(origin + "/good.json", "Metadata document client"), "max-age=600");
        serve("/other-id.json", document(origin + "/elsewhere.json", "Impostor"), "no-cache");
        serve("/big.json", document(origin + "/big.json", "x".repeat(6000)), "no-cache");
        documents.createContext("/together.json", exchange -> {
            TOGETHER.countDown();
            try {
                TOGETHER.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = document(origin + "/together.json", "Fetched by many at once").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        documents.setExecutor(Executors.newCachedThreadPool());
        documents.start();
    }

    @AfterAll
    static void stop() {
        documents.stop(0);
    }

    @Test
    void aClientKnownByItsDocumentSignsInWithoutRegistering() {
        OAuthFlow flow = new OAuthFlow(TestServer.awaitReady());
        String clientId = origin + "/good.json";
        OAuthFlow.Pkce pkce = flow.pkce();
        HttpResponse<String> login = flow.follow(flow.open(flow.authorizeUrl(clientId, pkce, Map.of())));
        assertTrue(login.body().contains("Metadata document client"), login.body());
        HttpResponse<String> consent = flow.follow(flow.signIn(login, "admin", TestServer.adminPassword()));
        String code = OAuthFlow.query(OAuthFlow.location(flow.decide(consent, "allow"))).get("code");
        HttpResponse<String> tokens = flow.redeem(clientId, code, pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());

        int fetched = FETCHES.get();
        flow.follow(flow.open(flow.authorizeUrl(clientId, flow.pkce(), Map.of())));
        assertEquals(fetched, FETCHES.get(), "the document is cached for its max-age");
    }

    /** The document server answers only when all requests have arrived, so that their first stores of it race. */
    @Test
    void manyFirstRequestsOfOneClientAtOnceAllProceed() throws Exception {
        String base = TestServer.awaitReady();
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            OAuthFlow flow = new OAuthFlow(base);
            requests.add(CompletableFuture.supplyAsync(() -> flow.open(flow.authorizeUrl(origin + "/together.json", flow.pkce(), Map.of()))));
        }
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
            assertEquals(303, response.statusCode(), response.body());
        }
    }

    @Test
    void aDocumentNamingAnotherClientIdIsRefused() {
        assertRefused("/other-id.json", "names another client_id");
    }

    @Test
    void anOversizedDocumentIsRefused() {
        assertRefused("/big.json", "larger than 5120 bytes");
    }

    /** The browser learns that the document could not be fetched, not why: the status is in the log. */
    @Test
    void aMissingDocumentIsRefused() {
        HttpResponse<String> refused = assertRefused("/missing.json", ClientMetadataDocuments.NOT_FETCHED);
        assertFalse(refused.body().contains("404"), refused.body());
        Eventually.await("the detail in the log", Duration.ofSeconds(10), ClientMetadataDocumentIT::serverLog,
                log -> log.contains(origin + "/missing.json not fetched: it answered HTTP 404"));
    }

    /**
     * A host that resolves to addresses no one answers on: the page names neither the addresses
     * nor the failure, so that a client_id cannot be used to map the server's network; the log has both.
     */
    @Test
    void aFailedFetchTellsTheBrowserNothingAboutTheNetwork() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String clientId = "http://localhost:" + closedPort + "/client.json";
        OAuthFlow flow = new OAuthFlow(TestServer.awaitReady());
        HttpResponse<String> refused = flow.open(flow.authorizeUrl(clientId, flow.pkce(), Map.of()));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(ClientMetadataDocuments.NOT_FETCHED), refused.body());
        for (String detail : List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1", "Connect", "refused", "Exception")) {
            assertFalse(refused.body().contains(detail), detail + " on the page: " + refused.body());
        }
        Eventually.await("the detail in the log", Duration.ofSeconds(10), ClientMetadataDocumentIT::serverLog,
                log -> log.contains(clientId + " not fetched: the request failed") && log.contains("ConnectException"));

        HttpResponse<String> good = flow.open(flow.authorizeUrl(origin + "/good.json", flow.pkce(), Map.of()));
        assertEquals(303, good.statusCode(), "a good document still works: " + good.body());
    }

    private static String serverLog() {
        try {
            return Files.readString(TestPaths.testServerLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> assertRefused(String path, String reason) {
        OAuthFlow flow = new OAuthFlow(TestServer.awaitReady());
        HttpResponse<String> response = flow.open(flow.authorizeUrl(origin + path, flow.pkce(), Map.of()));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains(reason), response.body());
        return response;
    }

    private static String document(String clientId, String name) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"" + name + "\",\"redirect_uris\":[\""
                + OAuthFlow.REDIRECT_URI + "\"],\"token_endpoint_auth_method\":\"none\"}";
    }

    private static void serve(String path, String body, String cacheControl) {
        documents.createContext(path, exchange -> {
            FETCHES.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
