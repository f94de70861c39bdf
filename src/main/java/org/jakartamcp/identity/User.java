package org.jakartamcp.identity;

import java.io.Serializable;
import java.util.List;

/** A signed-in user, as the rest of the application sees them; groups as the identity provider or proxy last reported them. */
public record User(long id, String username, String displayName, boolean administrator, List<String> groups) implements Serializable {

    public User {
        groups = List.copyOf(groups);
    }
}
