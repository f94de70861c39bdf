package org.jakartamcp.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/**
 * What the fuzz targets demand of every input: it ends in a value or in one of the refusals a client
 * is meant to get (a JSON-RPC error other than an internal one, an OAuth error, a 4xx), never in
 * another exception, which the server would answer with a 500; and it ends within {@link #TIME_BOUND}.
 * A target simply lets anything else escape: Jazzer reports it as a finding and keeps the input.
 */
public final class Fuzzing {

    /**
     * The longest one input may take. Parsing takes microseconds and the costliest tool call on
     * fuzzed arguments milliseconds; the bound is loose so that a shared, busy machine does not
     * fail a run, and still far below anything a client could use to tie up the server.
     */
    public static final Duration TIME_BOUND = Duration.ofSeconds(5);

    /** How ToolInvoker reports a tool's unexpected exception (an argument may well contain these words). */
    private static final Pattern TOOL_FAILURE = Pattern.compile(
            "Tool '[A-Za-z0-9_.-]+' failed with an internal error \\(incident [0-9a-f-]+\\)");

    private Fuzzing() {
    }

    /** Runs one input and fails when it outlasts {@link #TIME_BOUND}. */
    public static void withinTimeBound(String what, Runnable input) {
        long start = System.nanoTime();
        input.run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_BOUND) > 0) {
            throw new AssertionError(what + " took " + took.toMillis() + " ms, more than the bound of " + TIME_BOUND.toMillis() + " ms");
        }
    }

    /** A refusal as an HTTP status: must be the client's fault (4xx). */
    public static void assertClientError(WebApplicationException refusal) {
        int status = refusal.getResponse().getStatus();
        if (status < 400 || status > 499) {
            throw new AssertionError("HTTP " + status + " for a client's input: " + refusal.getMessage(), refusal);
        }
    }

    /**
     * A JSON-RPC answer: an error must not be an internal one (what an unexpected exception becomes, with
     * an incident number in the log), and a tool's error result must not be an internal failure either.
     */
    public static void assertNoInternalError(JsonObject response) {
        if (response.get("error") instanceof JsonObject error) {
            if (error.getInt("code") == JsonRpcError.INTERNAL_ERROR) {
                throw new AssertionError("internal error for a client's message: " + response);
            }
            return;
        }
        if (response.get("result") instanceof JsonObject result && result.getBoolean("isError", false)
                && result.get("content") instanceof JsonArray content && content.get(0) instanceof JsonObject first
                && TOOL_FAILURE.matcher(first.getString("text", "")).matches()) {
            throw new AssertionError("a tool failed with an internal error: " + response);
        }
    }
}
