package org.jakartamcp.mcp.server.mrtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.jakartamcp.conformance.ConformanceTools;
import org.jakartamcp.conformance.InputRequiredFixtures;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Http;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.SseClient;
import org.jakartamcp.testing.TestDatabase;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sampling and elicitation in the stateless protocol (2026-07-28) over real HTTP, with a signed-in
 * user: tools written against {@code Sampling} and {@code Elicitation} (the conformance fixtures
 * {@code test_sampling} and {@code test_elicitation}, which the older eras' scenarios call over a
 * session) get their answers through input-required rounds; a requestState that was altered or is
 * used a second time is refused, and the server keeps answering normally after.
 */
@ExtendWith(ArquillianExtension.class)
class InputRequiredIT {

    private static final JsonObject SAMPLING_AND_ELICITATION = Json.createObjectBuilder()
            .add("sampling", JsonValue.EMPTY_JSON_OBJECT).add("elicitation", JsonValue.EMPTY_JSON_OBJECT).build();

    @ArquillianResource
    URL deployment;

    private McpHttp mcp;

    @Deployment(testable = false)
    static WebArchive productWithClientAskingTools() {
        return Deployments.product("input-required.war", Map.of())
                .addClasses(ConformanceTools.class, ConformanceTools.Address.class, InputRequiredFixtures.class)
                .addClass("org.jakartamcp.conformance.Media").addClass("org.jakartamcp.conformance.Schemas");
    }

    @BeforeEach
    void ready() {
        TestServer.awaitReady();
        mcp = new McpHttp(deployment.toString().replaceAll("/$", "") + "/mcp");
    }

    @Test
    void aSamplingToolGetsTheModelsAnswerInASecondRoundAndItsStateIsGoodForOneRetry() {
        JsonObject call = call("test_sampling", Json.createObjectBuilder().add("prompt", "What is 2 + 2?"));
        JsonObject first = result(send("tools/call", call, SAMPLING_AND_ELICITATION));
        assertEquals("input_required", first.getString("resultType"), first.toString());
        JsonObject asked = first.getJsonObject("inputRequests").getJsonObject("sampling-1");
        assertEquals("sampling/createMessage", asked.getString("method"));
        assertEquals("What is 2 + 2?", asked.getJsonObject("params").getJsonArray("messages").getJsonObject(0)
                .getJsonObject("content").getString("text"));

        JsonObject retry = retry(call, first, "sampling-1", Json.createObjectBuilder().add("role", "assistant").add("model", "test-model")
                .add("content", Json.createObjectBuilder().add("type", "text").add("text", "4")).build());
        JsonObject done = result(send("tools/call", retry, SAMPLING_AND_ELICITATION));
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertEquals("LLM response: 4", text(done));
        assertFalse(done.getBoolean("isError", false));

        assertRefused(send("tools/call", retry, SAMPLING_AND_ELICITATION), "requestState was already used");
        assertNormalCallWorks();
    }

    @Test
    void anElicitationToolGetsTheUsersAnswerAndAnAlteredStateIsRefused() {
        JsonObject call = call("test_elicitation", Json.createObjectBuilder().add("message", "Who are you?"));
        JsonObject first = result(send("tools/call", call, SAMPLING_AND_ELICITATION));
        assertEquals("input_required", first.getString("resultType"), first.toString());
        JsonObject asked = first.getJsonObject("inputRequests").getJsonObject("elicitation-1");
        assertEquals("elicitation/create", asked.getString("method"));
        assertEquals("Who are you?", asked.getJsonObject("params").getString("message"));

        JsonObject answer = Json.createObjectBuilder().add("action", "accept")
                .add("content", Json.createObjectBuilder().add("username", "alice").add("email", "alice@example.com")).build();
        JsonObject retry = retry(call, first, "elicitation-1", answer);
        long auditedBefore = refusalsAudited();
        JsonObject tampered = Json.createObjectBuilder(retry).add("requestState", first.getString("requestState") + "-TAMPERED").build();
        assertRefused(send("tools/call", tampered, SAMPLING_AND_ELICITATION), "requestState is not one this server issued");
        JsonObject forOtherArguments = Json.createObjectBuilder(retry)
                .add("arguments", Json.createObjectBuilder().add("message", "Something else?")).build();
        assertRefused(send("tools/call", forOtherArguments, SAMPLING_AND_ELICITATION), "belongs to another request");
        assertEquals(auditedBefore + 2, refusalsAudited(), "each refusal is counted in the audit trail");

        // refused states were not used up: the genuine retry completes the call
        JsonObject done = result(send("tools/call", retry, SAMPLING_AND_ELICITATION));
        assertEquals("complete", done.getString("resultType"), done.toString());
        assertTrue(text(done).startsWith("User response: <action: accept, content: {"), text(done));
        assertTrue(text(done).contains("alice@example.com"), text(done));
        assertNormalCallWorks();
    }

    @Test
    void aClientThatDeclaredNoElicitationIsNotAskedAndGetsMissingRequiredClientCapability() {
        JsonObject call = call("test_elicitation", Json.createObjectBuilder().add("message", "Who are you?"));
        HttpResponse<String> response = send("tools/call", call, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = Http.json(response).getJsonObject("error");
        assertEquals(-32021, error.getInt("code"), response.body());
        assertEquals("{\"requiredCapabilities\":{\"elicitation\":{}}}", error.getJsonObject("data").toString());
        assertNormalCallWorks();
    }

    @Test
    void malformedInputResponsesAreRefused() {
        JsonObject call = Json.createObjectBuilder(call("test_elicitation", Json.createObjectBuilder().add("message", "Who?")))
                .add("inputResponses", Json.createObjectBuilder().add("elicitation-1", 12345)).build();
        assertRefused(send("tools/call", call, SAMPLING_AND_ELICITATION), "inputResponses.elicitation-1 must be");
        assertNormalCallWorks();
    }

    /** In a session the questions are server requests on the answer's event stream, for a prompt and a resource as for a tool. */
    @Test
    void aPromptAndAResourceThatAskTheClientInASessionAreAnsweredOnAnEventStream() {
        String session = mcp.initialize("2025-11-25", Json.createObjectBuilder(SAMPLING_AND_ELICITATION)
                .add("roots", JsonValue.EMPTY_JSON_OBJECT).build());
        JsonObject prompt = askedOnTheStream(session, "prompts/get", Json.createObjectBuilder()
                .add("name", "test_input_required_result_prompt").build(), "elicitation/create", Json.createObjectBuilder()
                .add("action", "accept").add("content", Json.createObjectBuilder().add("context", "exact math")).build());
        assertEquals("Answer with this context in mind: exact math", prompt.getJsonArray("messages").getJsonObject(0)
                .getJsonObject("content").getString("text"));

        JsonObject contents = askedOnTheStream(session, "resources/read", Json.createObjectBuilder()
                .add("uri", "test://input-required/roots").build(), "roots/list", Json.createObjectBuilder()
                .add("roots", Json.createArrayBuilder().add(Json.createObjectBuilder().add("uri", "file:///work"))).build());
        assertEquals("file:///work", contents.getJsonArray("contents").getJsonObject(0).getString("text"));
    }

    /** The result of a request whose answer streams one question first, answered with {@code answer}. */
    private JsonObject askedOnTheStream(String session, String method, JsonObject params, String asks, JsonObject answer) {
        String request = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 7).add("method", method).add("params", params)
                .build().toString();
        try (SseClient stream = new SseClient(mcp.post(request).header("Mcp-Session-Id", session).build())) {
            assertEquals(200, stream.statusCode());
            assertEquals("text/event-stream", stream.response().headers().firstValue("Content-Type").orElse("").split(";")[0]);

            JsonObject question = nextMessage(stream);
            assertEquals(asks, question.getString("method"), question.toString());
            HttpResponse<String> answered = mcp.call(session, Json.createObjectBuilder().add("jsonrpc", "2.0")
                    .add("id", question.get("id")).add("result", answer).build().toString());
            assertEquals(202, answered.statusCode(), answered.body());

            JsonObject response = nextMessage(stream);
            assertEquals(7, response.getInt("id"), response.toString());
            return response.getJsonObject("result");
        }
    }

    /** The next JSON-RPC message on a stream, past the priming event (an id and no data) that 2025-11-25 sends first. */
    private static JsonObject nextMessage(SseClient stream) {
        SseClient.Event event = stream.next(Duration.ofSeconds(30));
        while (event.data().isEmpty()) {
            event = stream.next(Duration.ofSeconds(30));
        }
        return Http.json(event.data());
    }

    @Test
    void aPromptAndAResourceAskThroughRoundsToo() {
        JsonObject get = Json.createObjectBuilder().add("name", "test_input_required_result_prompt").build();
        JsonObject asked = result(send("prompts/get", get, SAMPLING_AND_ELICITATION));
        assertEquals("input_required", asked.getString("resultType"), asked.toString());
        JsonObject prompt = result(send("prompts/get", retry(get, asked, "user_context", Json.createObjectBuilder()
                .add("action", "accept").add("content", Json.createObjectBuilder().add("context", "exact math")).build()),
                SAMPLING_AND_ELICITATION));
        assertEquals("Answer with this context in mind: exact math", prompt.getJsonArray("messages").getJsonObject(0)
                .getJsonObject("content").getString("text"));

        JsonObject read = Json.createObjectBuilder().add("uri", "test://input-required/roots").build();
        JsonObject roots = Json.createObjectBuilder(SAMPLING_AND_ELICITATION).add("roots", JsonValue.EMPTY_JSON_OBJECT).build();
        JsonObject askedRoots = result(send("resources/read", read, roots));
        assertEquals("roots/list", askedRoots.getJsonObject("inputRequests").getJsonObject("roots-1").getString("method"));
        JsonObject contents = result(send("resources/read", retry(read, askedRoots, "roots-1", Json.createObjectBuilder()
                .add("roots", Json.createArrayBuilder().add(Json.createObjectBuilder().add("uri", "file:///work"))).build()), roots));
        assertEquals("file:///work", contents.getJsonArray("contents").getJsonObject(0).getString("text"));
    }

    private void assertNormalCallWorks() {
        JsonObject added = result(send("tools/call", call("add", Json.createObjectBuilder().add("a", 2).add("b", 40)),
                SAMPLING_AND_ELICITATION));
        assertEquals("42", text(added));
    }

    private static long refusalsAudited() {
        try (Connection db = TestDatabase.shared().connect(); Statement statement = db.createStatement();
             ResultSet sum = statement.executeQuery("select coalesce(sum(occurrences), 0) from audit_event where type = 'request-state.refused'")) {
            sum.next();
            return sum.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** A stateless request named (Mcp-Name) by its params' uri or name. */
    private HttpResponse<String> send(String method, JsonObject params, JsonObject capabilities) {
        String name = params.containsKey("uri") ? params.getString("uri") : params.getString("name");
        return mcp.stateless(method, name, params, capabilities);
    }

    private static JsonObject call(String tool, jakarta.json.JsonObjectBuilder arguments) {
        return Json.createObjectBuilder().add("name", tool).add("arguments", arguments).build();
    }

    private static JsonObject retry(JsonObject call, JsonObject inputRequired, String key, JsonObject answer) {
        return Json.createObjectBuilder(call).add("inputResponses", Json.createObjectBuilder().add(key, answer))
                .add("requestState", inputRequired.getString("requestState")).build();
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertTrue(body.containsKey("result"), response.body());
        return body.getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    /** A client's bad requestState or input is its mistake: a JSON-RPC invalid-params error that says what was wrong. */
    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400, response.statusCode() + " " + response.body());
        JsonObject error = Http.json(response).getJsonObject("error");
        assertEquals(-32602, error.getInt("code"), response.body());
        assertTrue(error.getString("message").contains(reason), response.body());
    }
}
