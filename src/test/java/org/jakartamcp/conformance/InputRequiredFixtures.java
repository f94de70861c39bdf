package org.jakartamcp.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jakartamcp.mcp.spi.ClientInput;
import org.jakartamcp.mcp.spi.InputRequest;
import org.jakartamcp.mcp.spi.Prompt;
import org.jakartamcp.mcp.spi.PromptMessage;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.Roots;
import org.jakartamcp.mcp.spi.Tool;

/**
 * Test-only: the tools and the prompt the suite's input-required scenarios (multi round-trip
 * requests, 2026-07-28) call by name, with the input request keys their descriptions give, and a
 * resource that asks the client for its roots.
 */
@ApplicationScoped
public class InputRequiredFixtures {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    private static final InputRequest USER_NAME = InputRequest.elicitation("What is your name?", schema("name", "string"));
    private static final InputRequest CONFIRM = InputRequest.elicitation("Please confirm", schema("ok", "boolean"));

    @Tool(name = "test_input_required_result_elicitation", description = "Asks the user's name, then greets")
    public String elicitation(ClientInput input) {
        return "Hello, " + content(ask(input, "user_name", USER_NAME), "name") + "!";
    }

    @Tool(name = "test_input_required_result_sampling", description = "Asks the client's model a question")
    public String sampling(ClientInput input) {
        JsonObject answer = ask(input, "capital_question", InputRequest.sampling(samplingParams("What is the capital of France?", 100)));
        return "The model said: " + text(answer);
    }

    @Tool(name = "test_input_required_result_list_roots", description = "Asks the client for its roots")
    public String listRoots(ClientInput input) {
        JsonObject answer = ask(input, "client_roots", InputRequest.roots());
        return "Client roots: " + answer.getJsonArray("roots").stream()
                .map(root -> root.asJsonObject().getString("uri")).collect(Collectors.joining(", "));
    }

    @Tool(name = "test_input_required_result_request_state", description = "Asks for a confirmation and checks the round's state")
    public String requestState(ClientInput input) {
        JsonObject answer = ask(input, "confirm", CONFIRM);
        // the answer arrives only with a verified requestState or, in a first round, without one
        return "state-ok: confirmed " + answer.get("content");
    }

    @Tool(name = "test_input_required_result_multiple_inputs", description = "Asks for a name, a greeting and the roots at once")
    public String multipleInputs(ClientInput input) {
        Map<String, InputRequest> questions = new LinkedHashMap<>();
        questions.put("user_name", USER_NAME);
        questions.put("greeting", InputRequest.sampling(samplingParams("Generate a greeting", 50)));
        questions.put("client_roots", InputRequest.roots());
        Map<String, JsonObject> answers = input.ask(questions, CLIENT_TIMEOUT);
        return text(answers.get("greeting")) + " " + content(answers.get("user_name"), "name") + " (roots: "
                + answers.get("client_roots").getJsonArray("roots").size() + ")";
    }

    @Tool(name = "test_input_required_result_multi_round", description = "Asks a name, then a favourite colour")
    public String multiRound(ClientInput input) {
        String name = content(ask(input, "step1", InputRequest.elicitation("Step 1: What is your name?", schema("name", "string"))), "name");
        String color = content(ask(input, "step2", InputRequest.elicitation("Step 2: What is your favorite color?",
                schema("color", "string"))), "color");
        return name + "'s favorite color is " + color;
    }

    @Tool(name = "test_input_required_result_tampered_state", description = "Asks for a confirmation; its state is integrity-protected")
    public String tamperedState(ClientInput input) {
        return "confirmed " + ask(input, "confirm", CONFIRM).get("content");
    }

    @Tool(name = "test_input_required_result_capabilities", description = "Asks only what the client declared it can answer")
    public String capabilities(ClientInput input) {
        Map<String, InputRequest> questions = new LinkedHashMap<>();
        InputRequest sampling = InputRequest.sampling(samplingParams("Say something", 20));
        if (input.supports(sampling)) {
            questions.put("sampled", sampling);
        }
        if (input.supports(USER_NAME)) {
            questions.put("user_name", USER_NAME);
        }
        if (questions.isEmpty()) {
            return "The client declared neither sampling nor elicitation";
        }
        return "Answered: " + input.ask(questions, CLIENT_TIMEOUT).keySet();
    }

    @Prompt(name = "test_input_required_result_prompt", description = "A prompt that asks the user for its context first")
    public PromptMessage prompt(ClientInput input) {
        JsonObject answer = ask(input, "user_context", InputRequest.elicitation("What context should the prompt use?",
                schema("context", "string")));
        return PromptMessage.user("Answer with this context in mind: " + content(answer, "context"));
    }

    @Resource(uri = "test://input-required/roots", name = "client-roots", description = "The client's roots, asked for when read")
    public String rootsResource(Roots roots) {
        return roots.list(CLIENT_TIMEOUT).getJsonArray("roots").stream()
                .map(root -> root.asJsonObject().getString("uri")).collect(Collectors.joining("\n"));
    }

    private static JsonObject ask(ClientInput input, String key, InputRequest question) {
        return input.ask(Map.of(key, question), CLIENT_TIMEOUT).get(key);
    }

    private static String content(JsonObject elicited, String field) {
        JsonValue content = elicited.get("content");
        return content instanceof JsonObject object && object.containsKey(field) ? String.valueOf(object.get(field)).replace("\"", "")
                : "(" + elicited.getString("action") + ")";
    }

    private static String text(JsonObject sampled) {
        return sampled.get("content") instanceof JsonObject content ? content.getString("text", "") : sampled.get("content").toString();
    }

    private static JsonObject samplingParams(String question, int maxTokens) {
        return Json.createObjectBuilder()
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", Json.createObjectBuilder().add("type", "text").add("text", question))))
                .add("maxTokens", maxTokens).build();
    }

    private static JsonObject schema(String field, String type) {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add(field, Json.createObjectBuilder().add("type", type)))
                .add("required", Json.createArrayBuilder().add(field)).build();
    }
}
