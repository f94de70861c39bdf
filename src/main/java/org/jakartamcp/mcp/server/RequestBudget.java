package org.jakartamcp.mcp.server;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;

/**
 * The time one HTTP request (a batch) may take. Its messages run one after the other; once the time
 * is spent, each remaining request is answered with an error instead of run. Notifications and the
 * client's responses still go through: they are cheap, and one of them may be the cancellation of
 * a request. A request that is running when the time runs out ends by its own time limit.
 */
public final class RequestBudget {

    private final Duration limit;
    private final LongSupplier nanoClock;
    private final long deadline;

    RequestBudget(Duration limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + limit.toNanos();
    }

    public static RequestBudget starting(Duration limit) {
        return new RequestBudget(limit, System::nanoTime);
    }

    public boolean isSpent() {
        return nanoClock.getAsLong() - deadline >= 0;
    }

    /** The error response that replaces this message, when the time is spent and it is a request; otherwise empty: run it. */
    public Optional<JsonObject> refusal(JsonRpcMessage message) {
        if (!(message instanceof JsonRpcMessage.Request request) || !isSpent()) {
            return Optional.empty();
        }
        return Optional.of(JsonRpcResponses.error(request.id(), new JsonRpcError(JsonRpcError.LIMIT_REACHED,
                "Not run: the batch used up its time of " + limit.toSeconds() + " s before this request's turn; send it again")));
    }
}
