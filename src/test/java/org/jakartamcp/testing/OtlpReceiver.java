package org.jakartamcp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP endpoint in the test JVM: the JDK's HTTP server takes {@code POST /v1/traces} in the protobuf
 * encoding (what OpenTelemetry's Java exporter sends with {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}), keeps
 * every span, and answers as a collector does; metrics and logs are taken and dropped.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One span as received: ids in lowercase hex (empty parent for a root), attributes as text. */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
                               Map<String, String> attributes, String status, List<String> linkedSpanIds) {
        public String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1 at {@code test.otlp.port} (default 9278). */
    public static OtlpReceiver start() {
        int port = Integer.getInteger("test.otlp.port", 9278);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::traces);
            server.createContext("/v1/metrics", OtlpReceiver::dropped);
            server.createContext("/v1/logs", OtlpReceiver::dropped);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("OTLP receiver on port " + port + " (test.otlp.port)", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList().forEach(scope ->
                    scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(hex(span.getTraceId().toByteArray()),
                            hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()), span.getName(),
                            span.getKind().name(), attributes(span.getAttributesList()), span.getStatus().getCode().name(),
                            span.getLinksList().stream().map(link -> hex(link.getSpanId().toByteArray())).toList())))));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static void dropped(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            var value = attribute.getValue();
            map.put(attribute.getKey(), switch (value.getValueCase()) {
                case STRING_VALUE -> value.getStringValue();
                case INT_VALUE -> String.valueOf(value.getIntValue());
                case BOOL_VALUE -> String.valueOf(value.getBoolValue());
                case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
                default -> value.toString();
            });
        }
        return map;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
