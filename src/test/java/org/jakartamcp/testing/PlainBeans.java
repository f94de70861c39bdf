package org.jakartamcp.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jakartamcp.mcp.server.BeanMethods;

/**
 * The few container services that the MCP and OAuth beans use, as plain objects, so that fuzz
 * targets run the real handlers and parsers in a plain JVM, millions of times, without a server.
 * Only what those beans call works; everything else says it is not there.
 */
public final class PlainBeans {

    private PlainBeans() {
    }

    /** A bean of this class, for code that only reads its class (roles, scope, the instance to call). */
    public static <T> Bean<T> bean(Class<T> beanClass) {
        return new Bean<>() {
            @Override
            public Class<?> getBeanClass() {
                return beanClass;
            }

            @Override
            public Set<InjectionPoint> getInjectionPoints() {
                return Set.of();
            }

            @Override
            public T create(CreationalContext<T> context) {
                throw new UnsupportedOperationException("plain bean: instances come from PlainBeans.methods");
            }

            @Override
            public void destroy(T instance, CreationalContext<T> context) {
            }

            @Override
            public Set<Type> getTypes() {
                return Set.of(beanClass, Object.class);
            }

            @Override
            public Set<Annotation> getQualifiers() {
                return Set.of();
            }

            @Override
            public Class<? extends Annotation> getScope() {
                return ApplicationScoped.class;
            }

            @Override
            public String getName() {
                return null;
            }

            @Override
            public Set<Class<? extends Annotation>> getStereotypes() {
                return Set.of();
            }

            @Override
            public boolean isAlternative() {
                return false;
            }

            @Override
            public String toString() {
                return "plain bean " + beanClass.getName();
            }
        };
    }

    /** Calls bean methods on these instances, one per bean class, as the container calls them on its proxies. */
    public static BeanMethods methods(Object... instances) {
        Map<Class<?>, Object> byClass = new ConcurrentHashMap<>();
        for (Object instance : instances) {
            byClass.put(instance.getClass(), instance);
        }
        return new BeanMethods() {
            @Override
            public <R> R withInstance(Bean<?> bean, InstanceCall<R> call) throws java.lang.reflect.InvocationTargetException,
                    IllegalAccessException {
                Object instance = byClass.get(bean.getBeanClass());
                if (instance == null) {
                    throw new IllegalStateException("no plain instance of " + bean.getBeanClass());
                }
                return call.apply(instance);
            }
        };
    }

    /** An event nobody observes. */
    public static <T> Event<T> silentEvent() {
        return new Event<>() {
            @Override
            public void fire(T event) {
            }

            @Override
            public <U extends T> CompletionStage<U> fireAsync(U event) {
                return CompletableFuture.completedFuture(event);
            }

            @Override
            public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
                return CompletableFuture.completedFuture(event);
            }

            @Override
            public Event<T> select(Annotation... qualifiers) {
                return this;
            }

            @Override
            public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
                return silentEvent();
            }

            @Override
            public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
                return silentEvent();
            }
        };
    }

    /** All beans of a type, as {@code @Inject Instance<T>} iterates them. */
    public static <T> Instance<T> instances(List<T> beans) {
        return new Instance<>() {
            @Override
            public Iterator<T> iterator() {
                return beans.iterator();
            }

            @Override
            public T get() {
                if (beans.size() != 1) {
                    throw new IllegalStateException(beans.size() + " beans");
                }
                return beans.get(0);
            }

            @Override
            public Instance<T> select(Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isUnsatisfied() {
                return beans.isEmpty();
            }

            @Override
            public boolean isAmbiguous() {
                return beans.size() > 1;
            }

            @Override
            public void destroy(T instance) {
            }

            @Override
            public Handle<T> getHandle() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterable<? extends Handle<T>> handles() {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** MicroProfile Config with only these properties: every other one is absent, so defaults apply. */
    public static Config config(Map<String, String> properties) {
        return new Config() {
            @Override
            public <T> T getValue(String name, Class<T> type) {
                return getOptionalValue(name, type).orElseThrow(() -> new java.util.NoSuchElementException(name));
            }

            @Override
            public ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                String value = properties.get(name);
                if (value == null) {
                    return Optional.empty();
                }
                if (type == String.class) {
                    return Optional.of((T) value);
                }
                if (type == String[].class) {
                    return Optional.of((T) value.split(","));
                }
                if (type == Boolean.class) {
                    return Optional.of((T) Boolean.valueOf(value));
                }
                throw new UnsupportedOperationException(type.getName());
            }

            @Override
            public Iterable<String> getPropertyNames() {
                return properties.keySet();
            }

            @Override
            public Iterable<ConfigSource> getConfigSources() {
                return List.of();
            }

            @Override
            public <T> Optional<org.eclipse.microprofile.config.spi.Converter<T>> getConverter(Class<T> type) {
                return Optional.empty();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new IllegalArgumentException(type.getName());
            }
        };
    }

    /** Metrics that measure nothing, for handlers run without a server's metric registry. */
    public static org.jakartamcp.mcp.telemetry.McpMetrics unmeasured() {
        return new org.jakartamcp.mcp.telemetry.McpMetrics() {
            @Override
            public void handled(String method, jakarta.json.JsonObject params, org.jakartamcp.mcp.session.McpSession session,
                                jakarta.json.JsonObject response, long startNanos) {
            }

            @Override
            public void sessionEnded(org.jakartamcp.mcp.protocol.ProtocolVersion version, java.time.Duration lasted) {
            }
        };
    }

    /** Counters that count nothing, for beans run without a server's metric registry. */
    public static org.jakartamcp.platform.telemetry.EventCounters uncounted() {
        return new org.jakartamcp.platform.telemetry.EventCounters() {
            @Override
            public void audited(String type) {
            }

            @Override
            public void rateLimited(org.jakartamcp.platform.ratelimit.RateLimits.Kind kind) {
            }

            @Override
            public void streamRefused() {
            }
        };
    }
}
