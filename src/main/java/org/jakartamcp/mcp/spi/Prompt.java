package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a CDI bean an MCP prompt. Its {@code String} parameters are the prompt's
 * arguments (see {@link PromptArg}); a parameter of type {@link Sampling}, {@link Elicitation},
 * {@link Roots} or {@link ClientInput} is supplied by the server instead. It returns a {@code String}
 * (one user message), a {@link PromptMessage} or a list of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {

    /** The prompt's name; the method's name when empty. */
    String name() default "";

    String title() default "";

    String description();
}
