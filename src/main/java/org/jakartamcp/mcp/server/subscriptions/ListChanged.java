package org.jakartamcp.mcp.server.subscriptions;

/** A list changed; the listeners that asked for that kind must be told. Delivery is the transport's business. */
public record ListChanged(Kind kind) {

    public enum Kind {
        TOOLS("notifications/tools/list_changed"),
        PROMPTS("notifications/prompts/list_changed"),
        RESOURCES("notifications/resources/list_changed");

        private final String notification;

        Kind(String notification) {
            this.notification = notification;
        }

        public String notification() {
            return notification;
        }
    }
}
