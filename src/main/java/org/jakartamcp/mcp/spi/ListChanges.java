package org.jakartamcp.mcp.spi;

/**
 * Tells listening clients that a list changed ({@code notifications/tools/list_changed} and the
 * prompts and resources ones), on the {@code subscriptions/listen} streams that asked for it. Inject
 * it where what a list holds changes at run time (a tool enabled by configuration, a new resource).
 */
public interface ListChanges {

    void toolsChanged();

    void promptsChanged();

    void resourcesChanged();
}
