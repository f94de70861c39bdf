package org.jakartamcp.mcp.spi;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * Asks the client several questions at once (elicitation, sampling, roots), each under a key of the
 * caller's choosing. Over a 2026-07-28 stateless request they all go to the client in one
 * input-required round; over a session they are sent one after the other. {@link Sampling},
 * {@link Elicitation} and {@link Roots} ask one question each.
 * <p>
 * In the stateless protocol a tool, prompt or resource that asks is run again for each round, with
 * the answers given so far returned at once: do what has effects after the questions, not before,
 * and let the unchecked exceptions a question throws pass (catch {@link ToolCallException} only).
 */
public interface ClientInput {

    /** Whether the client declared the capability the request needs. */
    boolean supports(InputRequest request);

    /**
     * The client's results by key (an {@code ElicitResult}, {@code CreateMessageResult} or {@code ListRootsResult}).
     *
     * @throws ToolCallException when the client does not support one of them, refuses, or does not answer in time
     */
    Map<String, JsonObject> ask(Map<String, InputRequest> requests, Duration timeout);
}
