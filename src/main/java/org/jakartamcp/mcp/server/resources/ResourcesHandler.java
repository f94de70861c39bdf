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
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jakartamcp.mcp.jsonrpc.JsonRpcError;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.McpExchange;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.McpMethod;
import org.jakartamcp.mcp.server.McpMethodHandler;
import org.jakartamcp.mcp.server.Offered;
import org.jakartamcp.mcp.server.Pages;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.CacheHints;
import org.jakartamcp.mcp.server.caching.CachePolicy;
import org.jakartamcp.mcp.server.content.ContentJson;
import org.jakartamcp.mcp.server.mrtr.ExchangeInput;
import org.jakartamcp.mcp.server.mrtr.InputRequired;
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

    @Inject
    CacheHints cacheHints;

    private List<ResourceDefinition> resources;
    private List<ResourceDefinition> templates;
    /** The caching hints of each resource's and template's contents, by the method that reads them. */
    private Map<Method, CachePolicy> readPolicies;

    @PostConstruct
    void order() {
        resources = discovery.resources().stream().sorted(Comparator.comparing(ResourceDefinition::uri)).toList();
        templates = discovery.templates().stream().sorted(Comparator.comparing(ResourceDefinition::name)).toList();
        readPolicies = Stream.concat(resources.stream(), templates.stream()).map(ResourceDefinition::method)
                .distinct().collect(Collectors.toUnmodifiableMap(method -> method, cacheHints::resource));
    }

    /** The resources, then the templates, by their URI or URI template, as the landing page names them. */
    public List<Offered> offered() {
        return Stream.concat(resources.stream(), templates.stream())
                .map(resource -> new Offered(resource.isTemplate() ? resource.descriptor().getString("uriTemplate") : resource.uri(),
                        resource.descriptor().getString("title", resource.name()), resource.descriptor().getString("description", "")))
                .toList();
    }

    @Override
    public Set<String> methods() {
        return Set.of("resources/list", "resources/templates/list", "resources/read", "resources/subscribe", "resources/unsubscribe");
    }

    @Override
    public McpMethod.Access access(String method) {
        return McpMethod.Access.LIST;
    }

    /** 2026-07-28 replaced subscribe and unsubscribe with subscriptions/listen. */
    @Override
    public boolean inStatelessProtocol(String method) {
        return !"resources/subscribe".equals(method) && !"resources/unsubscribe".equals(method);
    }

    @Override
    public String namedBy(String method) {
        return "resources/read".equals(method) ? "uri" : null;
    }

    /** A resource that asks the client (sampling, elicitation, roots) needs a stream in a session, where its questions go. */
    @Override
    public boolean talksToClient(String method, JsonObject params) {
        return "resources/read".equals(method) && params.get("uri") instanceof JsonString uri && resources.stream()
                .anyMatch(resource -> resource.uri().equals(uri.getString())
                        && java.util.Arrays.stream(resource.method().getParameterTypes()).anyMatch(ExchangeInput.TYPES::contains));
    }

    @Override
    public JsonObject request(String method, JsonObject params, McpExchange exchange) {
        return switch (method) {
            case "resources/list" -> list("resources", resources, params, exchange);
            case "resources/templates/list" -> list("resourceTemplates", templates, params, exchange);
            case "resources/read" -> read(uri(params), params, exchange);
            case "resources/subscribe" -> {
                subscriptions.subscribe(exchange.session(), subscribable(uri(params), exchange));
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

    /** Whether the URI names one of this server's resources (of a template's too), within the length any may have. */
    public boolean serves(String uri) {
        return uri.length() <= limits.maxSubscriptionUriLength()
                && (resources.stream().anyMatch(resource -> resource.uri().equals(uri))
                || templates.stream().anyMatch(template -> template.template().match(uri).isPresent()));
    }

    /** Only this server's resources can be followed: any other URI would be a key kept for nothing. */
    private String subscribable(String uri, McpExchange exchange) {
        if (uri.length() > limits.maxSubscriptionUriLength()) {
            throw JsonRpcError.invalidParams("Invalid params: the uri is longer than " + limits.maxSubscriptionUriLength()
                    + " characters; no resource of this server has such a URI");
        }
        if (!serves(uri)) {
            throw notFound(uri, exchange);
        }
        return uri;
    }

    /** The same resources and templates for everyone. */
    private JsonObject list(String key, List<ResourceDefinition> all, JsonObject params, McpExchange exchange) {
        return cacheHints.addTo(Pages.list(key, all, params, serverInfo.pageSize(), ResourceDefinition::descriptor),
                cacheHints.list(false), params, exchange);
    }

    private JsonObject read(String uri, JsonObject params, McpExchange exchange) {
        for (ResourceDefinition resource : resources) {
            if (resource.uri().equals(uri)) {
                ExchangeInput input = new ExchangeInput(exchange, java.util.function.UnaryOperator.identity());
                JsonObject read = contents(resource, uri, java.util.Arrays.stream(resource.method().getParameterTypes())
                        .map(type -> type == Caller.class ? exchange.caller() : input.supply(type)).toArray());
                return cacheHints.addTo(read, readPolicies.get(resource.method()), params, exchange);
            }
        }
        for (ResourceDefinition template : templates) {
            Optional<Map<String, String>> values = template.template().match(uri);
            if (values.isPresent()) {
                Object[] arguments = template.parameters().stream().map(values.get()::get).toArray();
                return cacheHints.addTo(contents(template, uri, arguments), readPolicies.get(template.method()), params, exchange);
            }
        }
        throw notFound(uri, exchange);
    }

    /** The error for a URI no resource has, with the code of the request's protocol revision. */
    private static JsonRpcError notFound(String uri, McpExchange exchange) {
        int code = exchange.session().protocolVersion().reportsMissingResourceAsInvalidParams()
                ? JsonRpcError.INVALID_PARAMS : JsonRpcError.RESOURCE_NOT_FOUND;
        return new JsonRpcError(code, "Resource not found: " + uri, JSON.createObjectBuilder().add("uri", uri).build());
    }

    private JsonObject contents(ResourceDefinition resource, String uri, Object[] arguments) {
        Object returned;
        try {
            returned = beanMethods.invoke(resource.bean(), resource.method(), arguments);
        } catch (InvocationTargetException e) {
            InputRequired.rethrow(e.getCause());
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
