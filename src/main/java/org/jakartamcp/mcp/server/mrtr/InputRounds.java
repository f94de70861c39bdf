package org.jakartamcp.mcp.server.mrtr;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.platform.audit.AuditTrail;

/**
 * Multi round-trip requests (2026-07-28): a {@code tools/call}, {@code prompts/get} or
 * {@code resources/read} of a stateless request whose handler asks the client something (sampling,
 * elicitation, roots) ends with an input-required result carrying the questions and a sealed
 * {@code requestState}; the client retries with its answers in {@code inputResponses} and the state.
 * A retry's state is verified (MAC, lifetime, caller, request) and then redeemed, once, in the
 * database all instances share. A request that carries neither costs nothing here: no key, no
 * database.
 */
@ApplicationScoped
public class InputRounds {

    /** The requests that may end in an input-required result; the spec forbids it on any other. */
    static final Set<String> METHODS = Set.of("tools/call", "prompts/get", "resources/read");

    @Inject
    RequestStateStore store;

    @Inject
    InputRequiredSettings settings;

    @Inject
    AuditTrail audit;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private volatile RequestStateCodec codec;

    /** Runs the handler for this round of the request and answers with its result or with the input it needs. */
    public JsonObject answer(String method, JsonObject params, McpExchange exchange, Supplier<JsonObject> handler) {
        if (!exchange.session().isStateless() || !METHODS.contains(method)) {
            return handler.get();
        }
        InputRound round = round(method, params, exchange);
        exchange.inputRound(round);
        try {
            return handler.get();
        } catch (InputRequired required) {
            return inputRequired(method, params, exchange, round, required);
        } catch (JsonRpcError refused) {
            if (refused.code() == JsonRpcError.LIMIT_REACHED && round.stateId() != null) {
                // refused before it ran (too many calls at once): the client may retry with the same state and answers
                store.giveBack(round.stateId());
            }
            throw refused;
        }
    }

    private InputRound round(String method, JsonObject params, McpExchange exchange) {
        JsonValue responses = params.get("inputResponses");
        if (responses != null && !(responses instanceof JsonObject)) {
            throw JsonRpcError.invalidParams("Invalid params: inputResponses must be an object of the client's results by key");
        }
        JsonObject answers = responses == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) responses;
        JsonValue sealed = params.get("requestState");
        if (sealed == null) {
            return new InputRound(answers);
        }
        if (!(sealed instanceof JsonString text)) {
            throw JsonRpcError.invalidParams("Invalid params: requestState must be the string the server sent");
        }
        try {
            RequestState state = codec().open(text.getString(), principal(exchange), Digests.request(method, params),
                    clock.instant().getEpochSecond());
            if (!store.redeem(state.id(), OffsetDateTime.ofInstant(Instant.ofEpochSecond(state.expiresAt()), ZoneOffset.UTC))) {
                throw JsonRpcError.invalidParams("Invalid params: requestState was already used; each one is good for one retry. "
                        + "Send the request again without requestState and inputResponses to start over");
            }
            return new InputRound(state, answers);
        } catch (JsonRpcError refused) {
            // an altered, foreign or replayed state may be an attack: administrators see them (counted, not one row each)
            audit.recordRepeated(AuditTrail.REQUEST_STATE_REFUSED, principal(exchange), "first: " + method + ": " + refused.getMessage());
            throw refused;
        }
    }

    private JsonObject inputRequired(String method, JsonObject params, McpExchange exchange, InputRound round, InputRequired required) {
        if (round.round() + 1 >= settings.maxRounds()) {
            throw new JsonRpcError(JsonRpcError.LIMIT_REACHED, "Too many rounds: the request still needs input after "
                    + settings.maxRounds() + " rounds, the most this server allows for one request");
        }
        JsonObjectBuilder requests = JSON.createObjectBuilder();
        Map<String, String> asked = new LinkedHashMap<>();
        required.asks().forEach((key, ask) -> {
            requests.add(key, JSON.createObjectBuilder().add("method", ask.method()).add("params", ask.params()));
            asked.put(key, Digests.ask(ask.method(), ask.params()));
        });
        RequestState state = new RequestState(principal(exchange), Digests.request(method, params),
                clock.instant().plus(settings.stateLifetime()).getEpochSecond(), newId(), round.round(), round.answered(), asked);
        return JSON.createObjectBuilder().add("resultType", "input_required").add("inputRequests", requests)
                .add("requestState", codec().seal(state)).build();
    }

    private RequestStateCodec codec() {
        RequestStateCodec current = codec;
        if (current == null) {
            synchronized (this) {
                if (codec == null) {
                    byte[] candidate = new byte[32];
                    random.nextBytes(candidate);
                    codec = new RequestStateCodec(store.key(candidate));
                }
                current = codec;
            }
        }
        return current;
    }

    private String newId() {
        byte[] id = new byte[18];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String principal(McpExchange exchange) {
        String principal = exchange.session().principal();
        return principal == null ? "" : principal;
    }
}
