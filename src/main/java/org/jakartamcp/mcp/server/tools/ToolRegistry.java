package org.jakartamcp.mcp.server.tools;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The tools of this deployment, in a stable order for pagination. */
@ApplicationScoped
public class ToolRegistry {

    @Inject
    ToolDiscoveryExtension discovery;

    private List<ToolDefinition> ordered;

    @PostConstruct
    void order() {
        ordered = discovery.tools().values().stream().sorted(Comparator.comparing(ToolDefinition::name)).toList();
    }

    List<ToolDefinition> all() {
        return ordered;
    }

    Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(discovery.tools().get(name));
    }
}
