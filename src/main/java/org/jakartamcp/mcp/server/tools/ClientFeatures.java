package org.jakartamcp.mcp.server.tools;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Locale;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.logging.LogThreshold;
import org.jakartamcp.mcp.server.mrtr.ExchangeInput;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.McpLog;
import org.jakartamcp.mcp.spi.Progress;

/** The server-supplied tool parameters, bound to one tools/call exchange. */
final class ClientFeatures {

    private ClientFeatures() {
    }

    /**
     * @param deadline {@link System#nanoTime()} after which the call counts as cancelled, and by which
     *                 a wait for the client (sampling, elicitation) ends
     */
    static ToolCallContext of(JsonObject params, McpExchange exchange, long deadline) {
        Cancellation cancellation = () -> exchange.isCancelled() || System.nanoTime() - deadline >= 0;
        ExchangeInput input = new ExchangeInput(exchange, timeout -> beforeDeadline(timeout, deadline));
        return new ToolCallContext(progress(params, exchange), cancellation, log(exchange), input.sampling(),
                input.elicitation(), input.roots(), input, exchange::closeConnection, exchange.caller());
    }

    private static Duration beforeDeadline(Duration timeout, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Cancellation.CancelledException();
        }
        return timeout.toNanos() < left ? timeout : Duration.ofNanos(left);
    }

    private static Progress progress(JsonObject params, McpExchange exchange) {
        JsonValue token = params.get("_meta") instanceof JsonObject meta ? meta.get("progressToken") : null;
        if (!(token instanceof JsonString || token instanceof JsonNumber)) {
            return ToolCallContext.NO_PROGRESS;
        }
        return (progress, total, message) -> {
            JsonObjectBuilder notification = JSON.createObjectBuilder().add("progressToken", token).add("progress", progress);
            if (total != null) {
                notification.add("total", total);
            }
            if (message != null) {
                notification.add("message", message);
            }
            exchange.notify("notifications/progress", notification.build());
        };
    }

    private static McpLog log(McpExchange exchange) {
        return (level, message) -> {
            String name = level.name().toLowerCase(Locale.ROOT);
            if (LogThreshold.emits(exchange.session(), name)) {
                exchange.notify("notifications/message", JSON.createObjectBuilder()
                        .add("level", name).add("logger", "tools").add("data", message).build());
            }
        };
    }

}
