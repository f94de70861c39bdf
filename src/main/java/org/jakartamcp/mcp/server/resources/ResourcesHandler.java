package org.jakartamcp.mcp.server.resources;

import org.jakartamcp.platform.errors.Incidents;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.Pages;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.content.ContentJson;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.ResourceContents;
import org.jakartamcp.mcp.spi.ToolCallException;

/** resources/list, resources/templates/list, resources/read, resources/subscribe and resources/unsubscribe. */
@ApplicationScoped
public class ResourcesHandler implements McpMethodHandler {

    private static final Logger LOG = Logger.getLogger(ResourcesHandler.class.getName());

    @Inject
    ResourceDiscoveryExtension discovery;

    @Inject
    ResourceSubscriptions subscriptions;

    @Inject
    BeanMethods beanMethods;

    @Inject
    ServerInfo serverInfo;

    @Inject
    McpLimits limits;

    private List<ResourceDefinition> resources;
    private List<ResourceDefinition> templates;

    @PostConstruct
    void order() {
        resources = discovery.resources().stream().sorted(Comparator.comparing(ResourceDefinition::uri)).toList();
        templates = discovery.templates().stream().sorted(Comparator.comparing(ResourceDefinition::name)).toList();
    }

    @Override
    public Set<String> methods() {
        return Set.of("resources/list", "resources/templates/list", "resources/read", "resources/subscribe", "resources/unsubscribe");
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        return switch (method) {
            case "resources/list" -> list("resources", resources, params);
            case "resources/templates/list" -> list("resourceTemplates", templates, params);
            case "resources/read" -> read(uri(params), exchange.caller());
            case "resources/subscribe" -> {
                subscriptions.subscribe(exchange.session(), subscribable(uri(params)));
                yield JsonValue.EMPTY_JSON_OBJECT;
            }
            default -> {
                subscriptions.unsubscribe(exchange.session(), uri(params));
                yield JsonValue.EMPTY_JSON_OBJECT;
            }
        };
    }

    Optional<ResourceDefinition> template(String name) {
        return templates.stream().filter(template -> template.name().equals(name)).findFirst();
    }

    /** Only this server's resources can be followed: any other URI would be a key kept for nothing. */
    private String subscribable(String uri) {
        if (uri.length() > limits.maxSubscriptionUriLength()) {
            throw JsonRpcError.invalidParams("Invalid params: the uri is longer than " + limits.maxSubscriptionUriLength()
                    + " characters; no resource of this server has such a URI");
        }
        boolean known = resources.stream().anyMatch(resource -> resource.uri().equals(uri))
                || templates.stream().anyMatch(template -> template.template().match(uri).isPresent());
        if (!known) {
            throw new JsonRpcError(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
                    JSON.createObjectBuilder().add("uri", uri).build());
        }
        return uri;
    }

    private JsonObject list(String key, List<ResourceDefinition> all, JsonObject params) {
        return Pages.list(key, all, params, serverInfo.pageSize(), ResourceDefinition::descriptor);
    }

    private JsonObject read(String uri, Caller caller) {
        for (ResourceDefinition resource : resources) {
            if (resource.uri().equals(uri)) {
                return contents(resource, uri, java.util.Collections.nCopies(resource.method().getParameterCount(), caller).toArray());
            }
        }
        for (ResourceDefinition template : templates) {
            Optional<Map<String, String>> values = template.template().match(uri);
            if (values.isPresent()) {
                Object[] arguments = template.parameters().stream().map(values.get()::get).toArray();
                return contents(template, uri, arguments);
            }
        }
        throw new JsonRpcError(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
                JSON.createObjectBuilder().add("uri", uri).build());
    }

    private JsonObject contents(ResourceDefinition resource, String uri, Object[] arguments) {
        Object returned;
        try {
            returned = beanMethods.invoke(resource.bean(), resource.method(), arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ToolCallException refusal) {
                throw JsonRpcError.invalidParams(refusal.getMessage());
            }
            if (e.getCause() instanceof JsonRpcError error) {
                throw error;
            }
            throw failure(uri, e.getCause());
        } catch (IllegalAccessException e) {
            throw failure(uri, e);
        }
        JsonArrayBuilder contents = JSON.createArrayBuilder();
        for (ResourceContents item : asContents(returned, uri, resource.mimeType())) {
            contents.add(ContentJson.of(item));
        }
        return JSON.createObjectBuilder().add("contents", contents).build();
    }

    @SuppressWarnings("unchecked")
    private static List<ResourceContents> asContents(Object returned, String uri, String mimeType) {
        if (returned instanceof ResourceContents contents) {
            return List.of(contents);
        }
        if (returned instanceof List<?> list) {
            return (List<ResourceContents>) list;
        }
        if (returned instanceof byte[] bytes) {
            return List.of(ResourceContents.binary(uri, mimeType, bytes));
        }
        return List.of(ResourceContents.text(uri, mimeType, String.valueOf(returned)));
    }

    private static JsonRpcError failure(String uri, Throwable cause) {
        String incident = Incidents.log(LOG, "Reading " + uri, cause);
        return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "Reading the resource failed (incident " + incident + ")");
    }

    private static String uri(JsonObject params) {
        if (params.get("uri") instanceof JsonString uri) {
            return uri.getString();
        }
        throw JsonRpcError.invalidParams("Invalid params: \"uri\" (a string) is required");
    }
}
