package org.jakartamcp.mcp.server.mrtr;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.spi.ClientInput;
import org.jakartamcp.mcp.spi.Elicitation;
import org.jakartamcp.mcp.spi.InputRequest;
import org.jakartamcp.mcp.spi.Roots;
import org.jakartamcp.mcp.spi.Sampling;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * The client's answers for a handler, the same API in every protocol era: over a session each
 * question is a request to the client that the handler waits for; in a stateless request it is
 * answered from the round's input or ends the round ({@link InputRound}). Never asks for a
 * capability the client did not declare.
 */
public final class ExchangeInput implements ClientInput {

    private final McpExchange exchange;
    private final UnaryOperator<Duration> bound;

    /** @param bound shortens a timeout to what is left of the handler's own time */
    public ExchangeInput(McpExchange exchange, UnaryOperator<Duration> bound) {
        this.exchange = exchange;
        this.bound = bound;
    }

    @Override
    public boolean supports(InputRequest request) {
        JsonObject capabilities = exchange.session().clientCapabilities();
        return capabilities != null && capabilities.containsKey(request.capability());
    }

    @Override
    public Map<String, JsonObject> ask(Map<String, InputRequest> requests, Duration timeout) {
        requests.values().forEach(this::requireSupported);
        InputRound round = exchange.inputRound();
        if (round != null) {
            return round.answers(requests);
        }
        Map<String, JsonObject> results = new LinkedHashMap<>();
        requests.forEach((key, request) -> results.put(key, exchange.request(request.method(), request.params(), bound.apply(timeout))));
        return results;
    }

    /** The parameter types through which a tool, prompt or resource method asks the client. */
    public static final java.util.Set<Class<?>> TYPES = java.util.Set.of(Sampling.class, Elicitation.class, Roots.class, ClientInput.class);

    /** What a method parameter of one of {@link #TYPES} gets. */
    public Object supply(Class<?> type) {
        return type == Sampling.class ? sampling() : type == Elicitation.class ? elicitation() : type == Roots.class ? roots() : this;
    }

    /** Asks one question, under a key made from its method in the stateless protocol. */
    JsonObject askOne(InputRequest request, Duration timeout) {
        InputRound round = exchange.inputRound();
        if (round == null) {
            requireSupported(request);
            return exchange.request(request.method(), request.params(), bound.apply(timeout));
        }
        String key = round.nextKey(request.method());
        return ask(Map.of(key, request), timeout).get(key);
    }

    /**
     * Asking for a capability the client did not declare: in 2026-07-28 the request fails with -32021
     * naming it (the client may retry declaring it); in a session, the handler reports an error.
     */
    private void requireSupported(InputRequest request) {
        if (!supports(request)) {
            throw exchange.session().isStateless()
                    ? JsonRpcError.missingClientCapability(request.capability(), "Missing required client capability: "
                            + request.capability() + " (declare it in _meta io.modelcontextprotocol/clientCapabilities)")
                    : new ToolCallException("The client does not support " + request.capability());
        }
    }

    public Sampling sampling() {
        return new Sampling() {
            @Override
            public boolean isSupported() {
                return supports(new InputRequest(InputRequest.SAMPLING, null));
            }

            @Override
            public JsonObject createMessage(JsonObject params, Duration timeout) {
                return askOne(InputRequest.sampling(params), timeout);
            }
        };
    }

    public Elicitation elicitation() {
        return new Elicitation() {
            @Override
            public boolean isSupported() {
                return supports(new InputRequest(InputRequest.ELICITATION, null));
            }

            @Override
            public JsonObject elicit(String message, JsonObject requestedSchema, Duration timeout) {
                return askOne(InputRequest.elicitation(message, requestedSchema), timeout);
            }
        };
    }

    public Roots roots() {
        return new Roots() {
            @Override
            public boolean isSupported() {
                return supports(InputRequest.roots());
            }

            @Override
            public JsonObject list(Duration timeout) {
                return askOne(InputRequest.roots(), timeout);
            }
        };
    }
}
