package org.jakartamcp.mcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method of a CDI bean an MCP tool. Its parameters are the tool's arguments (see
 * {@link ToolArg}); a parameter of type {@link Progress}, {@link Cancellation}, {@link McpLog},
 * {@link Sampling}, {@link Elicitation}, {@link Roots}, {@link ClientInput}, {@link ResponseStream} or {@link Caller} is
 * supplied by the server instead. The return value becomes the result: a {@code String} or number as text, a
 * {@link ToolResult} as it is, any other object as structured content (with an output schema
 * generated from its type) plus its JSON as text.
 * <p>
 * {@code @RolesAllowed("group")} on the method (or its class) limits the tool to members of those
 * groups: others do not see it in tools/list, and a call gets an error result that says why.
 * {@code mcp.tool-groups.<tool>} in the configuration overrides it ({@code *}: everyone).
 * <p>
 * {@link #scopes()} makes a call need more than the mcp:call scope: a client whose access token lacks one of them
 * gets HTTP 403 {@code insufficient_scope} naming the scopes to ask for, and can re-authorize for them (step-up).
 * Such a tool stays in tools/list (for whoever may see it), so that clients find it and step up when they call it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** The tool's name; the method's name when empty. Letters, digits, '_', '-' and '.', at most 128. */
    String name() default "";

    /** A human-readable name for user interfaces. */
    String title() default "";

    /** What the tool does, written for the model that decides when to call it. */
    String description();

    /**
     * The input schema as JSON, for arguments that the generated schema cannot describe
     * ({@code $defs}, {@code $ref}, {@code oneOf}, ...); generated from the parameters when empty.
     */
    String inputSchema() default "";

    /**
     * OAuth scopes the caller's access token must hold to call this tool, besides mcp:call (e.g. {@code "mcp:admin"});
     * the authorization server offers them, and who may hold one is its scope policy's decision.
     * {@code mcp.tool-scopes.<tool>} in the configuration overrides them ({@code none}: no more than mcp:call).
     */
    String[] scopes() default {};

    /**
     * Whether service clients (machine callers: tokens of the OAuth client credentials grant, with no person behind
     * them) may call the tool; they do not see it in tools/list otherwise. Allow it for tools that only compute from
     * their arguments; keep it off for tools that act for a person, ask the user something, or keep per-user state.
     * {@code mcp.tool-machine-callers.<tool>=true|false} in the configuration overrides it.
     */
    boolean machineCallers() default false;

    /** Hints for clients; they describe the tool, they do not enforce anything. */
    Annotations annotations() default @Annotations;

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Annotations {
        /** The tool does not change its environment. */
        boolean readOnlyHint() default false;

        /** When not read-only: the tool may destroy or overwrite. */
        boolean destructiveHint() default true;

        /** When not read-only: calling it again with the same arguments has no further effect. */
        boolean idempotentHint() default false;

        /** The tool reaches outside systems (the web, other services). */
        boolean openWorldHint() default true;
    }
}
