package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a CDI bean an MCP resource with a fixed URI. The method takes no arguments but
 * what the server supplies ({@link Caller}, {@link Sampling}, {@link Elicitation}, {@link Roots},
 * {@link ClientInput}) and returns {@link ResourceContents}, a {@code String} (text) or a
 * {@code byte[]} (binary).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Resource {

    String uri();

    /** The resource's name; the method's name when empty. */
    String name() default "";

    String title() default "";

    String description();

    String mimeType() default "text/plain";
}
