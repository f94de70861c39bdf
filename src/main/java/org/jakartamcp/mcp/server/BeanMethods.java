package org.jakartamcp.mcp.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls a method of an annotated CDI bean on a contextual instance, so that its interceptors apply. */
@ApplicationScoped
public class BeanMethods {

    @Inject
    BeanManager beanManager;

    /** Client proxies of normal-scoped beans: they stay valid for the application's life, so one lookup serves. */
    private final Map<Bean<?>, Object> proxies = new ConcurrentHashMap<>();

    /** A contextual instance for the duration of one call; a dependent one is destroyed afterwards. */
    public <R> R withInstance(Bean<?> bean, InstanceCall<R> call) throws InvocationTargetException, IllegalAccessException {
        // the proxy known already: no scope lookup (BeanManager.isNormalScope was a percent of a tool call)
        Object known = proxies.get(bean);
        if (known != null) {
            return call.apply(known);
        }
        if (beanManager.isNormalScope(bean.getScope())) {
            Object proxy = proxies.computeIfAbsent(bean,
                    normal -> beanManager.getReference(normal, normal.getBeanClass(), beanManager.createCreationalContext(normal)));
            return call.apply(proxy);
        }
        CreationalContext<?> creationalContext = beanManager.createCreationalContext(bean);
        try {
            return call.apply(beanManager.getReference(bean, bean.getBeanClass(), creationalContext));
        } finally {
            if (bean.getScope() == Dependent.class) {
                creationalContext.release();
            }
        }
    }

    public Object invoke(Bean<?> bean, Method method, Object... arguments) throws InvocationTargetException, IllegalAccessException {
        return withInstance(bean, instance -> method.invoke(instance, arguments));
    }

    @FunctionalInterface
    public interface InstanceCall<R> {
        R apply(Object instance) throws InvocationTargetException, IllegalAccessException;
    }
}
