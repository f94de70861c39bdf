package org.jakartamcp.mcp.server.mrtr;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jakartamcp.mcp.spi.InputRequest;

/**
 * One round of a stateless request that may ask the client for input. The handler runs from the
 * start each round; each question it asks is answered from the earlier rounds' answers (carried in
 * the verified requestState) or from this round's {@code inputResponses}. A question counts as
 * answered only if it is the one the answer was given to (same method and params), so a handler that
 * asks something else under the same key gets asked again rather than a stale answer. The first
 * batch of questions with any unanswered one ends the round: {@link InputRequired} carries the
 * unanswered ones to the client.
 */
public final class InputRound {

    private final Map<String, RequestState.Answer> earlier;
    private final Map<String, String> askedLastRound;
    private final JsonObject responses;
    private final int round;
    private final String stateId;
    private final Map<String, RequestState.Answer> answered = new LinkedHashMap<>();
    private final Map<String, Integer> unnamed = new HashMap<>();

    /** The first round, or a retry without requestState: only {@code responses} can answer. */
    InputRound(JsonObject responses) {
        this(Map.of(), Map.of(), responses, 0, null);
    }

    /** A retry with a verified requestState. */
    InputRound(RequestState state, JsonObject responses) {
        this(state.answers(), state.asked(), responses, state.round() + 1, state.id());
    }

    private InputRound(Map<String, RequestState.Answer> earlier, Map<String, String> askedLastRound, JsonObject responses, int round,
                       String stateId) {
        this.stateId = stateId;
        this.earlier = earlier;
        this.askedLastRound = askedLastRound;
        this.responses = responses;
        this.round = round;
        this.answered.putAll(earlier);
    }

    /** The id of the requestState this round redeemed, or null for a first round. */
    String stateId() {
        return stateId;
    }

    /** The key of a question asked without one: its method and how many of that method came before. */
    public synchronized String nextKey(String method) {
        String prefix = method.substring(0, method.indexOf('/'));
        return prefix + "-" + unnamed.merge(prefix, 1, Integer::sum);
    }

    /**
     * The answers to all of these questions, or {@link InputRequired} with those not answered yet.
     * A malformed answer is refused with -32602.
     */
    public synchronized Map<String, JsonObject> answers(Map<String, InputRequest> questions) {
        Map<String, JsonObject> results = new LinkedHashMap<>();
        Map<String, InputRequest> unanswered = new LinkedHashMap<>();
        questions.forEach((key, question) -> {
            String ask = Digests.ask(question.method(), question.params());
            JsonObject result = answer(key, question.method(), ask);
            if (result == null) {
                unanswered.put(key, question);
            } else {
                results.put(key, result);
                answered.put(key, new RequestState.Answer(ask, result));
            }
        });
        if (!unanswered.isEmpty()) {
            throw new InputRequired(unanswered);
        }
        return results;
    }

    private JsonObject answer(String key, String method, String ask) {
        RequestState.Answer before = earlier.get(key);
        if (before != null && before.ask().equals(ask)) {
            return before.result();
        }
        String askedAs = askedLastRound.get(key);
        if (!responses.containsKey(key) || askedAs != null && !askedAs.equals(ask)) {
            return null;
        }
        return InputResponses.valid(key, method, responses.get(key));
    }

    /** Every answer so far, for the next round's state. */
    synchronized Map<String, RequestState.Answer> answered() {
        return Map.copyOf(answered);
    }

    /** How many rounds came before this one. */
    int round() {
        return round;
    }
}
