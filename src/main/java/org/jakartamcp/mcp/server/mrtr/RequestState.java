package org.jakartamcp.mcp.server.mrtr;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code requestState} carries from one round to the next: who may use it, for which request,
 * until when, its id (so that it is used once), and the client's answers so far, each with the
 * digest of the question it answers.
 *
 * @param principal the caller it was issued to
 * @param request   {@link Digests#request} of the request it belongs to
 * @param expiresAt epoch seconds after which it is refused
 * @param id        random; recorded when the state is used, so that it cannot be used again
 * @param round     how many rounds came before
 * @param answers   the answers of earlier rounds by key
 * @param asked     the questions of the round this state ended, by key: digest of each
 */
record RequestState(String principal, String request, long expiresAt, String id, int round,
                    Map<String, Answer> answers, Map<String, String> asked) {

    /** An answer and the digest ({@link Digests#ask}) of the question it answers. */
    record Answer(String ask, JsonObject result) {
    }

    RequestState {
        answers = Map.copyOf(answers);
        asked = Map.copyOf(asked);
    }

    JsonObject toJson() {
        JsonObjectBuilder answered = JSON.createObjectBuilder();
        answers.forEach((key, answer) -> answered.add(key, JSON.createObjectBuilder().add("q", answer.ask()).add("r", answer.result())));
        JsonObjectBuilder questions = JSON.createObjectBuilder();
        asked.forEach(questions::add);
        return JSON.createObjectBuilder().add("sub", principal).add("req", request).add("exp", expiresAt).add("jti", id)
                .add("n", round).add("a", answered).add("q", questions).build();
    }

    /** The state in this JSON; {@link IllegalArgumentException} when a member is missing or of another type. */
    static RequestState fromJson(JsonObject json) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        object(json, "a").forEach((key, value) -> {
            JsonObject answer = asObject(value);
            answers.put(key, new Answer(string(answer, "q"), object(answer, "r")));
        });
        Map<String, String> asked = new LinkedHashMap<>();
        object(json, "q").forEach((key, value) -> asked.put(key, value instanceof JsonString text ? text.getString() : fail("q")));
        return new RequestState(string(json, "sub"), string(json, "req"), number(json, "exp").longValueExact(), string(json, "jti"),
                number(json, "n").intValueExact(), answers, asked);
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString text ? text.getString() : fail(name);
    }

    private static JsonNumber number(JsonObject json, String name) {
        return json.get(name) instanceof JsonNumber number ? number : fail(name);
    }

    private static JsonObject object(JsonObject json, String name) {
        return asObject(json.get(name));
    }

    private static JsonObject asObject(JsonValue value) {
        return value instanceof JsonObject object ? object : fail("object");
    }

    private static <T> T fail(String member) {
        throw new IllegalArgumentException("requestState member " + member);
    }
}
