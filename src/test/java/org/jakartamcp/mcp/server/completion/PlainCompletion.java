package org.jakartamcp.mcp.server.completion;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.jakartamcp.mcp.server.AnnotatedBeanMethod;
import org.jakartamcp.mcp.server.BeanMethods;
import org.jakartamcp.mcp.server.resources.PlainResources;
import org.jakartamcp.mcp.spi.CompleteArg;
import org.jakartamcp.mcp.spi.CompletePrompt;
import org.jakartamcp.mcp.spi.CompleteResourceTemplate;
import org.jakartamcp.testing.PlainBeans;

/** completion/complete over the completion methods of these classes (and the resource templates they complete). */
public final class PlainCompletion {

    private PlainCompletion() {
    }

    public static CompletionHandler handler(BeanMethods beanMethods, Class<?>... classes) {
        Map<CompletionDiscoveryExtension.Target, AnnotatedBeanMethod> completers = new HashMap<>();
        Map<String, String> templateUris = PlainResources.discovery(classes).templateUrisByName();
        for (Class<?> type : classes) {
            for (Method method : type.getMethods()) {
                CompletePrompt prompt = method.getAnnotation(CompletePrompt.class);
                CompleteResourceTemplate template = method.getAnnotation(CompleteResourceTemplate.class);
                if (prompt != null || template != null) {
                    CompleteArg arg = method.getParameters()[0].getAnnotation(CompleteArg.class);
                    completers.put(new CompletionDiscoveryExtension.Target(prompt != null, prompt != null ? prompt.value()
                                    : CompletionDiscoveryExtension.templateUri(template.value(), templateUris),
                            arg != null ? arg.name() : method.getParameters()[0].getName()), new AnnotatedBeanMethod(PlainBeans.bean(type), method));
                }
            }
        }
        CompletionHandler handler = new CompletionHandler();
        handler.discovery = new CompletionDiscoveryExtension() {
            @Override
            AnnotatedBeanMethod completer(Target target) {
                return completers.get(target);
            }
        };
        handler.beanMethods = beanMethods;
        return handler;
    }
}
