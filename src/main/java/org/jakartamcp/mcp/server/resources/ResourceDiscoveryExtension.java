package org.jakartamcp.mcp.server.resources;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.ResourceTemplate;

/** Finds {@link Resource} and {@link ResourceTemplate} methods on CDI beans at deployment. */
public class ResourceDiscoveryExtension implements Extension {

    private final List<ResourceDefinition> resources = new ArrayList<>();
    private final List<ResourceDefinition> templates = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void onManagedBean(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, Resource.class)) {
            read(() -> resources.add(ResourceDefinitions.resource(method.bean(), method.method())));
        }
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, ResourceTemplate.class)) {
            read(() -> templates.add(ResourceDefinitions.template(method.bean(), method.method())));
        }
    }

    private void read(Runnable reader) {
        try {
            reader.run();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Set<String> uris = new HashSet<>();
        resources.stream().filter(resource -> !uris.add(resource.uri()))
                .forEach(resource -> problems.add("resource URI " + resource.uri() + " is declared twice"));
        Set<String> names = new HashSet<>();
        templates.stream().filter(template -> !names.add(template.name()))
                .forEach(template -> problems.add("resource template name " + template.name() + " is declared twice"));
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalStateException("MCP: " + problem)));
    }

    List<ResourceDefinition> resources() {
        return List.copyOf(resources);
    }

    List<ResourceDefinition> templates() {
        return List.copyOf(templates);
    }

    /** Each template's URI template by the template's name: what a completion method may name its template by. */
    public Map<String, String> templateUrisByName() {
        Map<String, String> uris = new HashMap<>();
        templates().forEach(template -> uris.putIfAbsent(template.name(), template.descriptor().getString("uriTemplate")));
        return uris;
    }
}
