package org.jakartamcp.mcp.spi;

/** One message of a prompt. */
public record PromptMessage(Role role, Content content) {

    public enum Role { USER, ASSISTANT }

    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    public static PromptMessage user(String text) {
        return user(new Content.Text(text));
    }

    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, new Content.Text(text));
    }
}
