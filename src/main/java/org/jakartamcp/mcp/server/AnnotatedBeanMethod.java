package org.jakartamcp.mcp.server;

import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

/** A method of a CDI bean that carries one of the MCP annotations, as found at deployment. */
public record AnnotatedBeanMethod(Bean<?> bean, Method method) {

    public static <T> List<AnnotatedBeanMethod> find(ProcessManagedBean<T> event, Class<? extends Annotation> annotation) {
        return event.getAnnotatedBeanClass().getMethods().stream()
                .filter(method -> method.isAnnotationPresent(annotation))
                .map(AnnotatedMethod::getJavaMember)
                .map(method -> new AnnotatedBeanMethod(event.getBean(), method))
                .toList();
    }
}
