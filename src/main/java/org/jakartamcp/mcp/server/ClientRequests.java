package org.jakartamcp.mcp.server;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.session.ClientAnswers;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.telemetry.LogTrace;

/**
 * Requests this server sent to clients (sampling, elicitation), waiting for the responses the clients POST back.
 * Their ids name this instance ({@code server-<instance tag>-<n>}), so that an answer POSTed to another instance
 * (behind a load balancer without sticky sessions) is relayed to this one through the database ({@link ClientAnswers}).
 */
@ApplicationScoped
public class ClientRequests {

    private static final Logger LOG = Logger.getLogger(ClientRequests.class.getName());
    private static final String PREFIX = "server-";
    private static final int TAG_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** This instance's tag in the ids of its requests: new at every start, so a restarted instance waits for no old answer. */
    private final String instance = newTag();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Waiting> pending = new ConcurrentHashMap<>();

    @Inject
    ClientAnswers answers;

    @Resource
    ManagedExecutorService executor;

    record Pending(String id, CompletableFuture<JsonRpcMessage.Response> response) {
    }

    private record Waiting(McpSession session, CompletableFuture<JsonRpcMessage.Response> response) {
    }

    Pending expect(McpSession session) {
        String id = PREFIX + instance + "-" + ids.incrementAndGet();
        CompletableFuture<JsonRpcMessage.Response> response = new CompletableFuture<>();
        pending.put(id, new Waiting(session, response));
        response.whenComplete((ignored, failure) -> pending.remove(id));
        return new Pending(id, response);
    }

    /** Completes the request this response answers; false when nothing here waits for it. */
    boolean complete(McpSession session, JsonRpcMessage.Response response) {
        if (!(response.id() instanceof JsonString id)) {
            return false;
        }
        Waiting waiting = pending.get(id.getString());
        return waiting != null && sameSession(waiting.session(), session) && waiting.response().complete(response);
    }

    /**
     * Hands an answer nothing here waits for to the instance that asked, when its id names another one: true if
     * relayed (false too when the session ended meanwhile, and its calls with it). A session's requests to its client
     * may have been sent by any instance that ran one of its calls.
     */
    boolean relay(McpSession session, JsonRpcMessage.Response response) {
        Optional<String> asker = askerOf(response.id()).filter(tag -> !tag.equals(instance));
        return asker.isPresent() && !session.isStateless() && answers.relay(asker.get(), session, toJson(response).toString());
    }

    /** Answers relayed to this instance: signalled, or after a resync, since signals may have been missed. */
    void onSignal(@Observes ClusterSignal signal) {
        boolean forThisInstance = signal.topic() == ClusterSignal.Topic.CLIENT_ANSWERS && instance.equals(signal.subject());
        if (forThisInstance || (signal.topic() == ClusterSignal.Topic.RESYNC && !pending.isEmpty())) {
            executor.execute(this::takeRelayed);
        }
    }

    void takeRelayed() {
        for (ClientAnswers.Answer answer : answers.take(instance)) {
            Optional<JsonRpcMessage.Response> response = parse(answer.body());
            boolean completed = response.isPresent() && response.get().id() instanceof JsonString id
                    && Optional.ofNullable(pending.get(id.getString()))
                    .filter(waiting -> answer.sessionHash().equals(waiting.session().idHash()))
                    .map(waiting -> waiting.response().complete(response.get()))
                    .orElse(false);
            if (!completed) {
                LOG.fine(() -> "A relayed answer nobody waits for any more: " + answer.id() + LogTrace.tag());
            }
        }
    }

    /** The tag of the instance a request id of this server names; empty for any other id. */
    static Optional<String> askerOf(JsonValue id) {
        if (!(id instanceof JsonString string) || !string.getString().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = string.getString().substring(PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash != TAG_LENGTH || !rest.substring(0, dash).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(rest.substring(0, dash));
    }

    String instance() {
        return instance;
    }

    private static boolean sameSession(McpSession waiting, McpSession answering) {
        return waiting == answering || (waiting.idHash() != null && waiting.idHash().equals(answering.idHash()));
    }

    static JsonObject toJson(JsonRpcMessage.Response response) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", response.id());
        if (response.error() != null) {
            json.add("error", response.error());
        } else {
            json.add("result", response.result() == null ? JsonValue.NULL : response.result());
        }
        return json.build();
    }

    static Optional<JsonRpcMessage.Response> parse(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            return Optional.of(new JsonRpcMessage.Response(json.get("id"), json.get("result"),
                    json.get("error") instanceof JsonObject error ? error : null));
        } catch (JsonException | IllegalStateException e) {
            LOG.log(Level.FINE, "A relayed answer that does not parse" + LogTrace.tag(), e);
            return Optional.empty();
        }
    }

    static JsonObject resultOrNull(JsonRpcMessage.Response response) {
        return response.result() instanceof JsonObject object ? object : response.error() == null ? JsonValue.EMPTY_JSON_OBJECT : null;
    }

    private static String newTag() {
        byte[] bytes = new byte[TAG_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
