package org.jakartamcp.mcp.server.tools;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A tool's structured result built straight into JSON-P, for the common case: a record whose components are strings,
 * booleans, integers, decimals, enums or such records. The JSON is what JSON-B writes for it by default (components
 * in lexicographic order, nulls left out), without writing it as text and parsing that text back on every call;
 * anything else (doubles, collections, maps, JSON-B annotations) goes through JSON-B as before ({@link #of} says null).
 */
final class StructuredContent {

    /** How a record class is written, or null when it is not one this class writes. */
    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return Plan.of(type, 0);
        }
    };

    private StructuredContent() {
    }

    /** The result as a JSON object, or null when JSON-B must write it. */
    static JsonObject of(Object result) {
        Plan plan = result == null ? null : PLANS.get(result.getClass());
        if (plan == null) {
            return null;
        }
        try {
            return plan.write(result).build();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private record Component(String name, Method accessor, Class<?> type, Plan nested) {
    }

    private record Plan(List<Component> components) {

        private static final int MAX_DEPTH = 4;

        static Plan of(Class<?> type, int depth) {
            // JSON-B writes public records only: any other stays JSON-B's, with the same outcome as before
            if (!type.isRecord() || !java.lang.reflect.Modifier.isPublic(type.getModifiers()) || depth > MAX_DEPTH
                    || hasJsonbAnnotations(type.getAnnotations())) {
                return null;
            }
            RecordComponent[] declared = type.getRecordComponents();
            Component[] components = new Component[declared.length];
            for (int i = 0; i < declared.length; i++) {
                RecordComponent component = declared[i];
                Class<?> raw = component.getType();
                if (hasJsonbAnnotations(component.getAnnotations()) || hasJsonbAnnotations(component.getAccessor().getAnnotations())) {
                    return null;
                }
                Plan nested = null;
                if (!isLeaf(raw)) {
                    nested = of(raw, depth + 1);
                    if (nested == null) {
                        return null;
                    }
                }
                Method accessor = component.getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    return null;
                }
                components[i] = new Component(component.getName(), accessor, raw, nested);
            }
            Arrays.sort(components, Comparator.comparing(Component::name));
            return new Plan(List.of(components));
        }

        private static boolean isLeaf(Class<?> raw) {
            return raw == String.class || raw == boolean.class || raw == Boolean.class || raw == int.class || raw == Integer.class
                    || raw == long.class || raw == Long.class || raw == BigInteger.class || raw == BigDecimal.class || raw.isEnum();
        }

        private static boolean hasJsonbAnnotations(java.lang.annotation.Annotation[] annotations) {
            return Arrays.stream(annotations).anyMatch(annotation -> annotation.annotationType().getPackageName()
                    .startsWith("jakarta.json.bind"));
        }

        JsonObjectBuilder write(Object record) throws ReflectiveOperationException {
            JsonObjectBuilder json = JSON.createObjectBuilder();
            for (Component component : components) {
                Object value = component.accessor().invoke(record);
                if (value == null) {
                    continue;
                }
                if (component.nested() != null) {
                    json.add(component.name(), component.nested().write(value));
                } else if (value instanceof String text) {
                    json.add(component.name(), text);
                } else if (value instanceof Boolean flag) {
                    json.add(component.name(), flag);
                } else if (value instanceof Integer number) {
                    json.add(component.name(), number);
                } else if (value instanceof Long number) {
                    json.add(component.name(), number);
                } else if (value instanceof BigInteger number) {
                    json.add(component.name(), number);
                } else if (value instanceof BigDecimal number) {
                    json.add(component.name(), number);
                } else {
                    json.add(component.name(), ((Enum<?>) value).name());
                }
            }
            return json;
        }
    }
}
