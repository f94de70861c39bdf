package org.jakartamcp.identity;

import java.io.Serializable;

/** A signed-in user, as the rest of the application sees them. */
public record User(long id, String username, String displayName, boolean administrator) implements Serializable {
}
