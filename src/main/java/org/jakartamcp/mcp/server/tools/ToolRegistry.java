package org.jakartamcp.mcp.server.tools;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jakartamcp.mcp.server.Offered;

/**
 * The tools of this deployment, in a stable order for pagination. Who may call a tool comes from its
 * {@code @RolesAllowed} (group names), unless the configuration says otherwise:
 * {@code mcp.tool-groups.<tool>=group,...} limits a tool to those groups, {@code =*} opens it to everyone.
 * Which OAuth scopes a call needs besides mcp:call comes from its {@code @Tool(scopes)}, unless
 * {@code mcp.tool-scopes.<tool>=scope,...} says otherwise ({@code =none}: only mcp:call).
 * Service clients (machine callers) may call a tool only if its {@code @Tool(machineCallers)} says so, unless
 * {@code mcp.tool-machine-callers.<tool>=true|false} says otherwise.
 */
@ApplicationScoped
public class ToolRegistry {

    static final String GROUPS_PREFIX = "mcp.tool-groups.";
    static final String SCOPES_PREFIX = "mcp.tool-scopes.";
    static final String MACHINE_CALLERS_PREFIX = "mcp.tool-machine-callers.";

    @Inject
    ToolDiscoveryExtension discovery;

    @Inject
    Config config;

    private Map<String, ToolDefinition> byName;
    private List<ToolDefinition> ordered;
    private boolean filtersByCaller;
    private Map<String, List<ToolHeaderParams.Param>> headerParams;
    private List<Offered> offered;
    private Map<String, Set<String>> scopes;

    @PostConstruct
    void order() {
        Map<String, ToolDefinition> tools = new LinkedHashMap<>();
        discovery.tools().values().stream().sorted(Comparator.comparing(ToolDefinition::name)).map(this::configured)
                .forEach(tool -> tools.put(tool.name(), tool));
        byName = tools;
        ordered = List.copyOf(tools.values());
        // a service client sees fewer tools than a person when some tool refuses machine callers
        filtersByCaller = ordered.stream().anyMatch(tool -> !tool.groups().isEmpty() || !tool.machineCallers());
        Map<String, List<ToolHeaderParams.Param>> marked = new java.util.HashMap<>();
        tools.values().forEach(tool -> marked.put(tool.name(), ToolHeaderParams.of(tool.name(), tool.descriptor().getJsonObject("inputSchema"))));
        headerParams = marked;
        Map<String, Set<String>> needed = new java.util.HashMap<>();
        ordered.forEach(tool -> needed.put(tool.name(), scopesOf(tool)));
        scopes = needed;
        offered = ordered.stream().filter(tool -> tool.groups().isEmpty() && scopes.get(tool.name()).isEmpty())
                .map(tool -> new Offered(tool.name(), tool.descriptor().getString("title", tool.name()),
                        tool.descriptor().getString("description", "")))
                .toList();
    }

    private ToolDefinition configured(ToolDefinition tool) {
        ToolDefinition grouped = config.getOptionalValues(GROUPS_PREFIX + tool.name(), String.class)
                .map(groups -> tool.limitedTo(groups.contains("*") ? Set.of() : Set.copyOf(groups)))
                .orElse(tool);
        return config.getOptionalValue(MACHINE_CALLERS_PREFIX + tool.name(), Boolean.class)
                .map(grouped::withMachineCallers).orElse(grouped);
    }

    private Set<String> scopesOf(ToolDefinition tool) {
        List<String> listed = config.getOptionalValues(SCOPES_PREFIX + tool.name(), String.class)
                .orElseGet(() -> List.of(tool.method().getAnnotation(org.jakartamcp.mcp.spi.Tool.class).scopes()));
        return listed.stream().map(String::trim).filter(scope -> !scope.isEmpty() && !"none".equals(scope))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toCollection(java.util.TreeSet::new),
                        java.util.Collections::unmodifiableSet));
    }

    /** The OAuth scopes a call of this tool needs besides mcp:call; none for an unknown tool (its call fails anyway). */
    public Set<String> scopesOf(String tool) {
        return scopes.getOrDefault(tool, Set.of());
    }

    /** The names of all tools of this deployment (the metrics' bounded set of tool names). */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    /** The tools open to everyone, as the landing page names them. */
    public List<Offered> openToEveryone() {
        return offered;
    }

    List<ToolDefinition> all() {
        return ordered;
    }

    /** Whether some tool is limited to groups, so that what tools/list shows depends on who asks. */
    boolean filtersByCaller() {
        return filtersByCaller;
    }

    /** The arguments of this tool marked {@code x-mcp-header}; none for an unknown tool. */
    List<ToolHeaderParams.Param> headerParams(String tool) {
        return headerParams.getOrDefault(tool, List.of());
    }

    Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
