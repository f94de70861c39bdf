package org.jakartamcp.mcp.server.completion;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.server.resources.ResourceDiscoveryExtension;
import org.jakartamcp.mcp.spi.CompleteArg;
import org.jakartamcp.mcp.spi.CompletePrompt;
import org.jakartamcp.mcp.spi.CompleteResourceTemplate;

/** Finds the completion methods for prompt arguments and resource template variables at deployment. */
public class CompletionDiscoveryExtension implements Extension {

    /**
     * What is completed: an argument of a prompt, named as {@code ref/prompt} names it, or a variable of a resource
     * template, named as {@code ref/resource} names it: by its URI template.
     */
    record Target(boolean prompt, String ref, String argument) {
    }

    private final Map<Target, AnnotatedBeanMethod> completers = new HashMap<>();
    /** Template completers until deployment validation, when every template is known: they may name theirs by name. */
    private final List<AnnotatedBeanMethod> templateCompleters = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    <T> void onManagedBean(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, CompletePrompt.class)) {
            add(true, method.method().getAnnotation(CompletePrompt.class).value(), method);
        }
        templateCompleters.addAll(AnnotatedBeanMethod.find(event, CompleteResourceTemplate.class));
    }

    private void add(boolean prompt, String ref, AnnotatedBeanMethod completer) {
        Method method = completer.method();
        if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != String.class
                || !List.class.isAssignableFrom(method.getReturnType())) {
            problems.add(method + " must take the partial value as one String and return a List<String>");
            return;
        }
        Parameter parameter = method.getParameters()[0];
        CompleteArg arg = parameter.getAnnotation(CompleteArg.class);
        Target target = new Target(prompt, ref, arg != null ? arg.name() : parameter.getName());
        if (completers.putIfAbsent(target, completer) != null) {
            problems.add("argument " + target.argument() + " of " + ref + " has two completion methods");
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Map<String, String> templateUris = beanManager.getExtension(ResourceDiscoveryExtension.class).templateUrisByName();
        for (AnnotatedBeanMethod completer : templateCompleters) {
            String declared = completer.method().getAnnotation(CompleteResourceTemplate.class).value();
            String uri = templateUri(declared, templateUris);
            if (uri == null) {
                problems.add(completer.method() + " completes resource template '" + declared
                        + "', which no @ResourceTemplate declares (by URI template or name)");
            } else {
                add(false, uri, completer);
            }
        }
        templateCompleters.clear();
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalStateException("MCP: " + problem)));
    }

    /**
     * The URI template a {@link CompleteResourceTemplate} refers to: clients name a template by its URI template
     * in {@code ref/resource}, so that is the key; the template's name is accepted in the annotation as well.
     */
    static String templateUri(String declared, Map<String, String> templateUrisByName) {
        return templateUrisByName.containsValue(declared) ? declared : templateUrisByName.get(declared);
    }

    AnnotatedBeanMethod completer(Target target) {
        return completers.get(target);
    }
}
