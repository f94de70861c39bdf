package org.jakartamcp.mcp.server.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jakartamcp.mcp.spi.ListChanges;

/** The {@link ListChanges} a tool author injects: each change becomes a {@link ListChanged} event. */
@ApplicationScoped
public class ListChangeNotices implements ListChanges {

    @Inject
    Event<ListChanged> changes;

    @Override
    public void toolsChanged() {
        changes.fire(new ListChanged(ListChanged.Kind.TOOLS));
    }

    @Override
    public void promptsChanged() {
        changes.fire(new ListChanged(ListChanged.Kind.PROMPTS));
    }

    @Override
    public void resourcesChanged() {
        changes.fire(new ListChanged(ListChanged.Kind.RESOURCES));
    }
}
