package org.jakartamcp.mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RequestBudget budget = new RequestBudget(Duration.ofSeconds(2), now::get);
    private final JsonRpcMessage.Request call = new JsonRpcMessage.Request(Json.createValue(7), "tools/call", JsonValue.EMPTY_JSON_OBJECT);

    @Test
    void requestsRunUntilTheTimeIsSpent() {
        now.addAndGet(Duration.ofMillis(1999).toNanos());
        assertFalse(budget.isSpent());
        assertTrue(budget.refusal(call).isEmpty());
    }

    @Test
    void afterThatEachRequestIsAnsweredWithALimitErrorCarryingItsId() {
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        JsonObject refused = budget.refusal(call).orElseThrow();
        assertEquals(7, refused.getInt("id"));
        assertEquals(JsonRpcError.LIMIT_REACHED, refused.getJsonObject("error").getInt("code"));
        assertEquals("Not run: the batch used up its time of 2 s before this request's turn; send it again",
                refused.getJsonObject("error").getString("message"));
    }

    @Test
    void notificationsAndResponsesStillGoThrough() {
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        assertTrue(budget.refusal(new JsonRpcMessage.Notification("notifications/cancelled", JsonValue.EMPTY_JSON_OBJECT)).isEmpty());
        assertTrue(budget.refusal(new JsonRpcMessage.Response(Json.createValue(1), JsonValue.EMPTY_JSON_OBJECT, null)).isEmpty());
    }
}
