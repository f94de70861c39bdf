package org.jakartamcp.mcp.server.prompts;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.spi.Prompt;
import org.jakartamcp.mcp.spi.PromptArg;

/** Finds {@link Prompt} methods on CDI beans at deployment. */
public class PromptDiscoveryExtension implements Extension {

    private final List<PromptDefinition> prompts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void onManagedBean(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, Prompt.class)) {
            try {
                prompts.add(read(method.bean(), method.method()));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }

    static PromptDefinition read(Bean<?> bean, Method method) {
        Prompt prompt = method.getAnnotation(Prompt.class);
        String name = prompt.name().isEmpty() ? method.getName() : prompt.name();
        List<PromptDefinition.Argument> arguments = new ArrayList<>();
        JsonArrayBuilder described = JSON.createArrayBuilder();
        List<Class<?>> supplied = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (PromptsHandler.SUPPLIED.contains(parameter.getType())) {
                supplied.add(parameter.getType());
                continue;
            }
            if (parameter.getType() != String.class) {
                throw new IllegalArgumentException("prompt " + name + ": parameter " + parameter.getName() + " of " + method
                        + " must be a String, or one the server supplies: " + PromptsHandler.SUPPLIED);
            }
            supplied.add(null);
            PromptArg arg = parameter.getAnnotation(PromptArg.class);
            String argName = arg != null && !arg.name().isEmpty() ? arg.name() : parameter.getName();
            boolean required = arg == null || arg.required();
            JsonObjectBuilder argument = JSON.createObjectBuilder().add("name", argName);
            if (arg != null && !arg.description().isBlank()) {
                argument.add("description", arg.description());
            }
            described.add(argument.add("required", required));
            arguments.add(new PromptDefinition.Argument(argName, required));
        }
        JsonObjectBuilder descriptor = JSON.createObjectBuilder().add("name", name);
        if (!prompt.title().isBlank()) {
            descriptor.add("title", prompt.title());
        }
        descriptor.add("description", prompt.description()).add("arguments", described);
        return new PromptDefinition(name, descriptor.build(), bean, method, List.copyOf(arguments), java.util.Collections.unmodifiableList(supplied));
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Set<String> names = new HashSet<>();
        prompts.stream().filter(prompt -> !names.add(prompt.name()))
                .forEach(prompt -> problems.add("prompt name " + prompt.name() + " is declared twice"));
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalStateException("MCP: " + problem)));
    }

    List<PromptDefinition> prompts() {
        return List.copyOf(prompts);
    }
}
