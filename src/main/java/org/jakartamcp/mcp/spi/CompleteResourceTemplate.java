package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Completes a variable of a {@link ResourceTemplate}, like {@link CompletePrompt} does for prompts. Clients ask with
 * {@code "ref": {"type": "ref/resource", "uri": "<the URI template>"}}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompleteResourceTemplate {

    /** The template: its URI template, e.g. {@code constants://{name}/{digits}}, or its name. */
    String value();
}
