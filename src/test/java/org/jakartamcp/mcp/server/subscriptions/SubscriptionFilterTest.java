package org.jakartamcp.mcp.server.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.junit.jupiter.api.Test;

class SubscriptionFilterTest {

    @Test
    void onlyWhatTheFilterNamesIsWanted() {
        SubscriptionFilter filter = SubscriptionFilter.of(params("{\"toolsListChanged\":true,\"promptsListChanged\":false}"), 10);
        assertTrue(filter.wants(ListChanged.Kind.TOOLS));
        assertFalse(filter.wants(ListChanged.Kind.PROMPTS));
        assertFalse(filter.wants(ListChanged.Kind.RESOURCES), "omitted is not subscribed");
        assertEquals(List.of(), filter.resourceUris());
        assertEquals(json("{\"toolsListChanged\":true}"), filter.toJson());
    }

    @Test
    void theAcknowledgmentLeavesOutWhatTheServerDoesNotHonor() {
        SubscriptionFilter asked = SubscriptionFilter.of(params("{\"resourcesListChanged\":true,"
                + "\"resourceSubscriptions\":[\"history://recent\",\"file:///etc/passwd\",\"history://recent\"]}"), 10);
        assertEquals(List.of("history://recent", "file:///etc/passwd"), asked.resourceUris(), "repeats count once");
        SubscriptionFilter honored = asked.honored(true, true, "history://recent"::equals);
        assertEquals(json("{\"resourcesListChanged\":true,\"resourceSubscriptions\":[\"history://recent\"]}"), honored.toJson());
        assertEquals(json("{}"), asked.honored(false, false, uri -> true).toJson());
    }

    @Test
    void aMalformedFilterIsInvalidParams() {
        for (String params : List.of("{}", "{\"notifications\":[]}", "{\"notifications\":{\"toolsListChanged\":\"yes\"}}",
                "{\"notifications\":{\"resourceSubscriptions\":\"history://recent\"}}",
                "{\"notifications\":{\"resourceSubscriptions\":[1]}}")) {
            JsonRpcError error = assertThrows(JsonRpcError.class, () -> SubscriptionFilter.of(json(params), 10), params);
            assertEquals(JsonRpcError.INVALID_PARAMS, error.code(), params);
        }
    }

    @Test
    void aListenFollowsAtMostTheLimitOfResources() {
        JsonRpcError error = assertThrows(JsonRpcError.class,
                () -> SubscriptionFilter.of(params("{\"resourceSubscriptions\":[\"a://1\",\"a://2\",\"a://3\"]}"), 2));
        assertEquals(JsonRpcError.INVALID_PARAMS, error.code());
        assertTrue(error.getMessage().contains("at most 2"), error.getMessage());
        assertEquals(2, SubscriptionFilter.of(params("{\"resourceSubscriptions\":[\"a://1\",\"a://2\",\"a://1\"]}"), 2).resourceUris().size());
    }

    private static JsonObject params(String filter) {
        return json("{\"notifications\":" + filter + "}");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
