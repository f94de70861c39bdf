package org.jakartamcp.mcp.spi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/** One question for the client: an {@code elicitation/create}, {@code sampling/createMessage} or {@code roots/list} request. */
public record InputRequest(String method, JsonObject params) {

    public static final String ELICITATION = "elicitation/create";
    public static final String SAMPLING = "sampling/createMessage";
    public static final String ROOTS = "roots/list";

    public InputRequest {
        if (!ELICITATION.equals(method) && !SAMPLING.equals(method) && !ROOTS.equals(method)) {
            throw new IllegalArgumentException("The client can only be asked " + ELICITATION + ", " + SAMPLING + " or " + ROOTS
                    + ", not " + method);
        }
        params = Objects.requireNonNullElse(params, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** A form for the user: the message and the schema of what to fill in. */
    public static InputRequest elicitation(String message, JsonObject requestedSchema) {
        return new InputRequest(ELICITATION, Json.createObjectBuilder().add("message", message)
                .add("requestedSchema", requestedSchema).build());
    }

    /** A completion by the client's model ({@code messages}, {@code maxTokens}, ...). */
    public static InputRequest sampling(JsonObject params) {
        return new InputRequest(SAMPLING, params);
    }

    public static InputRequest roots() {
        return new InputRequest(ROOTS, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** The client capability this request needs ({@code elicitation}, {@code sampling} or {@code roots}). */
    public String capability() {
        return method.substring(0, method.indexOf('/'));
    }
}
