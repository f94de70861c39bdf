package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes an argument of a {@link Tool}. Bean Validation constraints on the same parameter
 * ({@code @Min}, {@code @Size}, {@code @Pattern}, ...) appear in the input schema and are enforced;
 * a violation is reported to the model as a tool error that names the argument.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolArg {

    /** The argument's name; the parameter's name when empty (the build compiles with -parameters). */
    String name() default "";

    /** What the argument means, in words a model uses well. */
    String description() default "";

    /** Whether the client must send it; an {@link java.util.Optional} parameter is never required. */
    boolean required() default true;

    /**
     * The name of an HTTP header that clients of protocol 2026-07-28 repeat this argument in
     * ({@code Mcp-Param-<header>}, SEP-2243's {@code x-mcp-header}), so that gateways can route on it
     * without reading the body; the server checks that it matches. Only for string, integer and
     * boolean arguments; none when empty.
     */
    String header() default "";
}
