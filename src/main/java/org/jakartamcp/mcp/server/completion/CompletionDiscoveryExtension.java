package org.jakartamcp.mcp.server.completion;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.spi.CompleteArg;
import org.jakartamcp.mcp.spi.CompletePrompt;
import org.jakartamcp.mcp.spi.CompleteResourceTemplate;

/** Finds the completion methods for prompt arguments and resource template variables at deployment. */
public class CompletionDiscoveryExtension implements Extension {

    /** What is completed: a prompt's or a template's argument. */
    record Target(boolean prompt, String name, String argument) {
    }

    private final Map<Target, AnnotatedBeanMethod> completers = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    <T> void onManagedBean(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, CompletePrompt.class)) {
            add(true, method.method().getAnnotation(CompletePrompt.class).value(), method);
        }
        for (AnnotatedBeanMethod method : AnnotatedBeanMethod.find(event, CompleteResourceTemplate.class)) {
            add(false, method.method().getAnnotation(CompleteResourceTemplate.class).value(), method);
        }
    }

    private void add(boolean prompt, String name, AnnotatedBeanMethod completer) {
        Method method = completer.method();
        if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != String.class
                || !List.class.isAssignableFrom(method.getReturnType())) {
            problems.add(method + " must take the partial value as one String and return a List<String>");
            return;
        }
        Parameter parameter = method.getParameters()[0];
        CompleteArg arg = parameter.getAnnotation(CompleteArg.class);
        Target target = new Target(prompt, name, arg != null ? arg.name() : parameter.getName());
        if (completers.putIfAbsent(target, completer) != null) {
            problems.add("argument " + target.argument() + " of " + name + " has two completion methods");
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalStateException("MCP: " + problem)));
    }

    AnnotatedBeanMethod completer(Target target) {
        return completers.get(target);
    }
}
