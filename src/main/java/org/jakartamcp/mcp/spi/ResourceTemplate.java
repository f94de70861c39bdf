package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a CDI bean a family of resources, addressed by a URI template such as
 * {@code constants://{name}/{digits}}. Each {@code String} parameter receives the variable of the
 * same name (see {@link ResourceTemplateArg}); the return value is as for {@link Resource}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResourceTemplate {

    /** An RFC 6570 level-1 template: literal text and {variable}s, each matching one path segment. */
    String uriTemplate();

    /** The template's name (a {@link CompleteResourceTemplate} may refer to it by it); the method's name when empty. */
    String name() default "";

    String title() default "";

    String description();

    String mimeType() default "text/plain";
}
