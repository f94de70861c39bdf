package org.jakartamcp.identity;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A signed-in user, as the rest of the application sees them; groups as the identity provider or proxy last
 * reported them. {@code externalSignIn} is when an account without a password last signed in there (null for
 * password accounts).
 */
public record User(long id, String username, String displayName, boolean administrator, List<String> groups,
                   OffsetDateTime externalSignIn) implements Serializable {

    public User {
        groups = List.copyOf(groups);
    }
}
