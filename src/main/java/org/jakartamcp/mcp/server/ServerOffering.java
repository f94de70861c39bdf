package org.jakartamcp.mcp.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jakartamcp.mcp.server.resources.ResourcesHandler;
import org.jakartamcp.mcp.server.tools.ToolRegistry;

/** What this server offers everyone, for the landing page: what a client would list once signed in. */
@Named
@ApplicationScoped
public class ServerOffering {

    @Inject
    ToolRegistry tools;

    @Inject
    ResourcesHandler resources;

    /** The tools anyone may call; those limited to groups are not named to anonymous visitors. */
    public List<Offered> getTools() {
        return tools.openToEveryone();
    }

    /** The resources and resource templates, the templates by their URI template. */
    public List<Offered> getResources() {
        return resources.offered();
    }
}
