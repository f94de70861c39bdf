package org.jakartamcp.mcp.server.subscriptions;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;

/**
 * The {@code notifications} filter of a {@code subscriptions/listen} request: which list changes,
 * and updates of which resources, the client opts in to. Nothing it does not name is sent.
 */
public record SubscriptionFilter(boolean tools, boolean prompts, boolean resources, List<String> resourceUris) {

    static final String TOOLS = "toolsListChanged";
    static final String PROMPTS = "promptsListChanged";
    static final String RESOURCES = "resourcesListChanged";
    static final String RESOURCE_SUBSCRIPTIONS = "resourceSubscriptions";

    public SubscriptionFilter {
        resourceUris = List.copyOf(resourceUris);
    }

    /**
     * The filter of a request's params; invalid params (-32602) when it is missing or malformed, or
     * names more than {@code maxUris} resources (each kept in memory while the stream is open).
     */
    public static SubscriptionFilter of(JsonObject params, int maxUris) {
        if (!(params.get("notifications") instanceof JsonObject filter)) {
            throw JsonRpcError.invalidParams("Invalid params: subscriptions/listen needs \"notifications\" (an object)");
        }
        Set<String> uris = new LinkedHashSet<>();
        JsonValue listed = filter.get(RESOURCE_SUBSCRIPTIONS);
        if (listed != null && listed != JsonValue.NULL) {
            if (!(listed instanceof JsonArray array)) {
                throw JsonRpcError.invalidParams("Invalid params: notifications." + RESOURCE_SUBSCRIPTIONS + " must be an array of URIs");
            }
            for (JsonValue uri : array) {
                if (!(uri instanceof JsonString text)) {
                    throw JsonRpcError.invalidParams("Invalid params: notifications." + RESOURCE_SUBSCRIPTIONS + " must hold strings only");
                }
                uris.add(text.getString());
            }
            if (uris.size() > maxUris) {
                throw JsonRpcError.invalidParams("Invalid params: one subscriptions/listen may follow at most " + maxUris
                        + " resources; this one names " + uris.size() + ". Open a second stream or follow fewer");
            }
        }
        return new SubscriptionFilter(flag(filter, TOOLS), flag(filter, PROMPTS), flag(filter, RESOURCES), List.copyOf(uris));
    }

    /** The part this server agreed to honor: the list changes it supports, and the URIs it serves (others are left out). */
    public SubscriptionFilter honored(boolean listChanges, boolean resourceUpdates, Predicate<String> served) {
        return new SubscriptionFilter(listChanges && tools, listChanges && prompts, listChanges && resources,
                resourceUpdates ? resourceUris.stream().filter(served).toList() : List.of());
    }

    public boolean wants(ListChanged.Kind kind) {
        return switch (kind) {
            case TOOLS -> tools;
            case PROMPTS -> prompts;
            case RESOURCES -> resources;
        };
    }

    /** As the acknowledgment states it: only what is subscribed to. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (tools) {
            json.add(TOOLS, true);
        }
        if (prompts) {
            json.add(PROMPTS, true);
        }
        if (resources) {
            json.add(RESOURCES, true);
        }
        if (!resourceUris.isEmpty()) {
            JsonArrayBuilder uris = JSON.createArrayBuilder();
            resourceUris.forEach(uris::add);
            json.add(RESOURCE_SUBSCRIPTIONS, uris);
        }
        return json.build();
    }

    private static boolean flag(JsonObject filter, String name) {
        JsonValue value = filter.get(name);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw JsonRpcError.invalidParams("Invalid params: notifications." + name + " must be true or false");
    }
}
