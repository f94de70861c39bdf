package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Completes an argument of a {@link Prompt} as the user types ({@code completion/complete}). The
 * method takes the partial value as one {@code String} parameter named like the argument (or
 * annotated {@link CompleteArg}) and returns the suggestions, best first, as a {@code List<String>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompletePrompt {

    /** The prompt's name. */
    String value();
}
