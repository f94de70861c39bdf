package org.jakartamcp.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jakartamcp.identity.User;

/**
 * Which scopes a user may hold, by group: with {@code auth.call-groups} set, only their members may
 * be granted mcp:call; everyone else gets what they asked for without it (they see the tools, they
 * cannot call them). Applied when the user consents and again whenever a token is issued, so a
 * user who left the groups loses the scope at the next refresh after signing in again.
 */
@ApplicationScoped
public class ScopePolicy {

    @Inject
    Config config;

    /** auth.call-groups (read through Config: injecting Optional<List<String>> is not portable, Payara refuses it). */
    Optional<List<String>> callGroups;

    @PostConstruct
    void readLists() {
        callGroups = config.getOptionalValues("auth.call-groups", String.class);
    }

    /** The requested scope (space-separated) without what this user may not have. */
    public String narrow(String scope, User user) {
        return String.join(" ", Arrays.stream(scope.split(" ")).filter(wanted -> !wanted.isEmpty() && mayHave(wanted, user)).toList());
    }

    public boolean mayHave(String scope, User user) {
        return !OAuthSettings.SCOPE_CALL.equals(scope) || callGroups.isEmpty()
                || user.groups().stream().anyMatch(callGroups.get()::contains);
    }

    /** Who may call tools, for the consent page's explanation. */
    public String callGroups() {
        return String.join(", ", callGroups.orElse(List.of()));
    }
}
