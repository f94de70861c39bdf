package org.jakartamcp.mcp.server.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jakartamcp.oauth.ResourceScopes;

/** Tells the authorization server which step-up scopes the tools need, and in words which tools each one opens. */
@ApplicationScoped
public class ToolScopes implements ResourceScopes {

    /** The example step-up scope: the administrators' tools. */
    public static final String SCOPE_ADMIN = "mcp:admin";

    @Inject
    ToolRegistry registry;

    @Override
    public Map<String, String> describedScopes() {
        Map<String, List<String>> tools = new TreeMap<>();
        registry.all().forEach(tool -> registry.scopesOf(tool.name())
                .forEach(scope -> tools.computeIfAbsent(scope, none -> new ArrayList<>()).add(tool.name())));
        Map<String, String> described = new TreeMap<>();
        tools.forEach((scope, names) -> described.put(scope, describe(scope, names)));
        return described;
    }

    static String describe(String scope, List<String> tools) {
        String opened = String.join(", ", tools);
        return SCOPE_ADMIN.equals(scope) ? "Use the administrators' tools (" + scope + "): " + opened
                : "Use the tools that need the permission " + scope + ": " + opened;
    }
}
