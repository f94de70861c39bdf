package org.jakartamcp.mcp.spi;

/**
 * Tells listening clients that a list changed ({@code notifications/tools/list_changed} and the
 * prompts and resources ones), on the {@code subscriptions/listen} streams that asked for it. Inject
 * it where what a list holds changes at run time (a tool enabled by configuration, a new resource).
 * Clients that do not listen keep a list for its {@code ttlMs}, which is {@code mcp.cache.deployment-ttl-ms}
 * (an hour by default): a deployment whose lists change at run time should lower that setting to the
 * staleness it accepts.
 */
public interface ListChanges {

    void toolsChanged();

    void promptsChanged();

    void resourcesChanged();
}
