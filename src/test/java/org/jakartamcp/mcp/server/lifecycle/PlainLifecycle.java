package org.jakartamcp.mcp.server.lifecycle;

import java.util.List;
import org.jakartamcp.mcp.server.McpLimits;
import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.server.caching.PlainCaching;
import org.jakartamcp.mcp.session.SessionStore;
import org.jakartamcp.testing.PlainBeans;

/** initialize, ping and server/discover over these plain objects. */
public final class PlainLifecycle {

    private PlainLifecycle() {
    }

    public static LifecycleHandler handler(SessionStore sessions, ServerInfo serverInfo, McpLimits limits) {
        LifecycleHandler handler = new LifecycleHandler();
        handler.sessions = sessions;
        handler.serverInfo = serverInfo;
        handler.limits = limits;
        handler.cacheHints = PlainCaching.defaults();
        handler.extensions = PlainBeans.instances(List.of());
        return handler;
    }
}
