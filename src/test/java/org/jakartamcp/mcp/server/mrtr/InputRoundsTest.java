package org.jakartamcp.mcp.server.mrtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.PlainExchanges;
import org.jakartamcp.mcp.spi.InputRequest;
import org.junit.jupiter.api.Test;

/** The rounds of stateless requests that ask the client for input, with handlers as plain lambdas and no database. */
class InputRoundsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonObject ALL = Json.createObjectBuilder().add("sampling", JsonValue.EMPTY_JSON_OBJECT)
            .add("elicitation", JsonValue.EMPTY_JSON_OBJECT).add("roots", JsonValue.EMPTY_JSON_OBJECT).build();
    private static final JsonObject NAME_SCHEMA = Json.createObjectBuilder().add("type", "object")
            .add("properties", Json.createObjectBuilder().add("name", Json.createObjectBuilder().add("type", "string"))).build();
    private static final JsonObject CALL = Json.createObjectBuilder().add("name", "greet")
            .add("arguments", Json.createObjectBuilder().add("x", 1)).build();

    private final InputRounds rounds = PlainInputRounds.create();

    /** A tool that asks for a name and greets. */
    private static String greet(ExchangeInput input) {
        JsonObject answer = input.elicitation().elicit("What is your name?", NAME_SCHEMA, TIMEOUT);
        return "Hello, " + answer.getJsonObject("content").getString("name") + "!";
    }

    @Test
    void aRequestThatAsksNothingIsAnsweredAsAlways() {
        JsonObject result = call("alice", ALL, CALL, input -> "42");
        assertEquals("42", result.getString("text"));
        assertFalse(result.containsKey("resultType"));
    }

    @Test
    void aQuestionEndsTheRoundAndItsAnswerCompletesTheNext() {
        JsonObject first = call("alice", ALL, CALL, InputRoundsTest::greet);
        assertEquals("input_required", first.getString("resultType"));
        JsonObject asked = first.getJsonObject("inputRequests").getJsonObject("elicitation-1");
        assertEquals("elicitation/create", asked.getString("method"));
        assertEquals("What is your name?", asked.getJsonObject("params").getString("message"));

        JsonObject second = call("alice", ALL, retry(first, Map.of("elicitation-1", accept("name", "Alice"))), InputRoundsTest::greet);
        assertEquals("Hello, Alice!", second.getString("text"));
    }

    @Test
    void aStateIsUsedOnce() {
        JsonObject first = call("alice", ALL, CALL, InputRoundsTest::greet);
        JsonObject retry = retry(first, Map.of("elicitation-1", accept("name", "Alice")));
        call("alice", ALL, retry, InputRoundsTest::greet);

        JsonRpcError replayed = assertThrows(JsonRpcError.class, () -> call("alice", ALL, retry, InputRoundsTest::greet));
        assertEquals(JsonRpcError.INVALID_PARAMS, replayed.code());
        assertTrue(replayed.getMessage().contains("already used"), replayed.getMessage());
    }

    @Test
    void aRetryRefusedBeforeItRanKeepsItsStateForTheNextTry() {
        JsonObject first = call("alice", ALL, CALL, InputRoundsTest::greet);
        JsonObject retry = retry(first, Map.of("elicitation-1", accept("name", "Alice")));
        JsonRpcError busy = assertThrows(JsonRpcError.class, () -> call("alice", ALL, retry, input -> {
            throw new JsonRpcError(JsonRpcError.LIMIT_REACHED, "Too many calls at once");
        }));
        assertEquals(JsonRpcError.LIMIT_REACHED, busy.code());

        assertEquals("Hello, Alice!", call("alice", ALL, retry, InputRoundsTest::greet).getString("text"));
        assertRefused("already used", () -> call("alice", ALL, retry, InputRoundsTest::greet));
    }

    @Test
    void aStateIsOnlyForItsUserAndItsRequest() {
        JsonObject first = call("alice", ALL, CALL, InputRoundsTest::greet);
        JsonObject retry = retry(first, Map.of("elicitation-1", accept("name", "Alice")));
        assertRefused("issued to another user", () -> call("bob", ALL, retry, InputRoundsTest::greet));
        JsonObject otherArguments = Json.createObjectBuilder(retry).add("arguments", Json.createObjectBuilder().add("x", 2)).build();
        assertRefused("belongs to another request", () -> call("alice", ALL, otherArguments, InputRoundsTest::greet));
        assertRefused("altered", () -> call("alice", ALL, Json.createObjectBuilder(retry)
                .add("requestState", retry.getString("requestState") + "-TAMPERED").build(), InputRoundsTest::greet));
        // the refusals came before the state was used: it still completes the request once
        assertEquals("Hello, Alice!", call("alice", ALL, retry, InputRoundsTest::greet).getString("text"));
    }

    @Test
    void severalQuestionsGoInOneRound() {
        Function<ExchangeInput, String> tool = input -> {
            Map<String, InputRequest> questions = new LinkedHashMap<>();
            questions.put("user_name", InputRequest.elicitation("Name?", NAME_SCHEMA));
            questions.put("greeting", InputRequest.sampling(Json.createObjectBuilder().add("maxTokens", 50).build()));
            questions.put("client_roots", InputRequest.roots());
            Map<String, JsonObject> answers = input.ask(questions, TIMEOUT);
            return answers.get("user_name").getJsonObject("content").getString("name") + " "
                    + answers.get("greeting").getJsonObject("content").getString("text") + " "
                    + answers.get("client_roots").getJsonArray("roots").size();
        };
        JsonObject first = call("alice", ALL, CALL, tool);
        assertEquals(List.of("user_name", "greeting", "client_roots"), List.copyOf(first.getJsonObject("inputRequests").keySet()));
        assertEquals("roots/list", first.getJsonObject("inputRequests").getJsonObject("client_roots").getString("method"));

        // one answer missing: asked again, alone, with the other answers kept in the new state
        JsonObject second = call("alice", ALL, retry(first, Map.of("user_name", accept("name", "Alice"),
                "client_roots", Json.createObjectBuilder().add("roots", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("uri", "file:///r"))).build())), tool);
        assertEquals(List.of("greeting"), List.copyOf(second.getJsonObject("inputRequests").keySet()));

        JsonObject third = call("alice", ALL, retry(second, Map.of("greeting", sampled("Hi"))), tool);
        assertEquals("Alice Hi 1", third.getString("text"));
    }

    @Test
    void laterQuestionsComeInLaterRoundsWithEarlierAnswersKept() {
        Function<ExchangeInput, String> tool = input -> {
            String name = input.elicitation().elicit("Name?", NAME_SCHEMA, TIMEOUT).getJsonObject("content").getString("name");
            String text = input.sampling().createMessage(Json.createObjectBuilder().add("maxTokens", 10)
                    .add("systemPrompt", "greet " + name).build(), TIMEOUT).getJsonObject("content").getString("text");
            return name + ": " + text;
        };
        JsonObject first = call("alice", ALL, CALL, tool);
        JsonObject second = call("alice", ALL, retry(first, Map.of("elicitation-1", accept("name", "Alice"))), tool);
        assertEquals("input_required", second.getString("resultType"));
        assertEquals("greet Alice", second.getJsonObject("inputRequests").getJsonObject("sampling-1").getJsonObject("params")
                .getString("systemPrompt"));
        assertNotEquals(first.getString("requestState"), second.getString("requestState"));
        JsonObject third = call("alice", ALL, retry(second, Map.of("sampling-1", sampled("Hello Alice"))), tool);
        assertEquals("Alice: Hello Alice", third.getString("text"));
    }

    @Test
    void missingOrUnknownAnswersAreAskedForAgain() {
        JsonObject first = call("alice", ALL, CALL, InputRoundsTest::greet);
        JsonObject again = call("alice", ALL, retry(first, Map.of("wrong_key", accept("name", "x"))), InputRoundsTest::greet);
        assertEquals("input_required", again.getString("resultType"));
        assertTrue(again.getJsonObject("inputRequests").containsKey("elicitation-1"));
    }

    @Test
    void answersWithoutAStateAnswerTheFirstRoundAndExtraKeysAreIgnored() {
        JsonObject params = Json.createObjectBuilder(CALL).add("inputResponses", Json.createObjectBuilder()
                .add("elicitation-1", accept("name", "Alice")).add("unknown_extra_key", 12345)).build();
        assertEquals("Hello, Alice!", call("alice", ALL, params, InputRoundsTest::greet).getString("text"));
    }

    @Test
    void malformedInputIsAProtocolError() {
        assertRefused("must be a elicitation/create result", () -> call("alice", ALL, Json.createObjectBuilder(CALL)
                .add("inputResponses", Json.createObjectBuilder().add("elicitation-1", 12345)).build(), InputRoundsTest::greet));
        assertRefused("must be a elicitation/create result", () -> call("alice", ALL, Json.createObjectBuilder(CALL)
                .add("inputResponses", Json.createObjectBuilder().add("elicitation-1", Json.createObjectBuilder().add("action", "maybe")))
                .build(), InputRoundsTest::greet));
        assertRefused("inputResponses must be an object", () -> call("alice", ALL, Json.createObjectBuilder(CALL)
                .add("inputResponses", JsonValue.NULL).build(), InputRoundsTest::greet));
        assertRefused("requestState must be the string", () -> call("alice", ALL, Json.createObjectBuilder(CALL)
                .add("requestState", 7).build(), InputRoundsTest::greet));
    }

    @Test
    void aCapabilityTheClientDidNotDeclareIsNeverAsked() {
        JsonObject samplingOnly = Json.createObjectBuilder().add("sampling", JsonValue.EMPTY_JSON_OBJECT).build();
        // 2026-07-28: a request that needs an undeclared capability fails with -32021 naming it
        org.jakartamcp.mcp.jsonrpc.JsonRpcError refused = assertThrows(org.jakartamcp.mcp.jsonrpc.JsonRpcError.class,
                () -> call("alice", samplingOnly, CALL, InputRoundsTest::greet));
        assertEquals(-32021, refused.code());
        assertEquals("{\"requiredCapabilities\":{\"elicitation\":{}}}", refused.data().toString());
        JsonObject sampling = call("alice", samplingOnly, CALL, input -> input.elicitation().isSupported() ? "elicit"
                : input.sampling().createMessage(JsonValue.EMPTY_JSON_OBJECT, TIMEOUT).toString());
        assertEquals(List.of("sampling-1"), List.copyOf(sampling.getJsonObject("inputRequests").keySet()));
    }

    @Test
    void otherMethodsAndSessionsAreNotRounds() {
        McpExchange exchange = PlainExchanges.stateless("alice", ALL);
        JsonObject listed = rounds.answer("tools/list", JsonValue.EMPTY_JSON_OBJECT, exchange, () -> {
            assertNull(exchange.inputRound());
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, listed);
    }

    @Test
    void aHandlerThatKeepsAskingIsStopped() {
        Function<ExchangeInput, String> endless = input -> {
            for (int i = 0; ; i++) {
                input.elicitation().elicit("Again " + i, NAME_SCHEMA, TIMEOUT);
            }
        };
        JsonObject result = call("alice", ALL, CALL, endless);
        JsonRpcError stopped = null;
        for (int round = 1; round <= 10 && stopped == null; round++) {
            String key = result.getJsonObject("inputRequests").keySet().iterator().next();
            JsonObject retry = retry(result, Map.of(key, accept("name", "x")));
            try {
                result = call("alice", ALL, retry, endless);
            } catch (JsonRpcError e) {
                stopped = e;
                assertEquals(9, round, "the tenth round is the last");
            }
        }
        assertEquals(JsonRpcError.LIMIT_REACHED, stopped.code());
    }

    private JsonObject call(String principal, JsonObject capabilities, JsonObject params, Function<ExchangeInput, String> tool) {
        McpExchange exchange = PlainExchanges.stateless(principal, capabilities);
        return rounds.answer("tools/call", params, exchange,
                () -> Json.createObjectBuilder().add("text", tool.apply(new ExchangeInput(exchange, UnaryOperator.identity()))).build());
    }

    private static JsonObject retry(JsonObject inputRequired, Map<String, JsonObject> answers) {
        JsonObjectBuilder responses = Json.createObjectBuilder();
        answers.forEach(responses::add);
        return Json.createObjectBuilder(CALL).add("inputResponses", responses)
                .add("requestState", inputRequired.getString("requestState")).build();
    }

    private static JsonObject accept(String field, String value) {
        return Json.createObjectBuilder().add("action", "accept").add("content", Json.createObjectBuilder().add(field, value)).build();
    }

    private static JsonObject sampled(String text) {
        return Json.createObjectBuilder().add("role", "assistant").add("model", "m")
                .add("content", Json.createObjectBuilder().add("type", "text").add("text", text)).build();
    }

    private static void assertRefused(String reason, org.junit.jupiter.api.function.Executable call) {
        JsonRpcError refused = assertThrows(JsonRpcError.class, call);
        assertEquals(JsonRpcError.INVALID_PARAMS, refused.code());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
