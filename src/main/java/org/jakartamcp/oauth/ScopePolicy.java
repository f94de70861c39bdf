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
 * cannot call them). A tool's step-up scope (mcp:admin, ...) is for administrators, and for the members of
 * {@code auth.scope-groups.<scope>} when that is set. Applied when the user consents and again whenever a
 * token is issued, so a user who left the groups loses the scope at the next refresh after signing in again.
 */
@ApplicationScoped
public class ScopePolicy {

    static final String SCOPE_GROUPS_PREFIX = "auth.scope-groups.";

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
        if (OAuthSettings.SCOPE_LIST.equals(scope)) {
            return true;
        }
        if (OAuthSettings.SCOPE_CALL.equals(scope)) {
            return callGroups.isEmpty() || user.groups().stream().anyMatch(callGroups.get()::contains);
        }
        return user.administrator() || scopeGroups(scope).stream().anyMatch(user.groups()::contains);
    }

    /** Why this user will not be granted the scope, for the consent page. */
    public String withheldBecause(String scope) {
        if (OAuthSettings.SCOPE_CALL.equals(scope)) {
            return "Calling tools is only for members of " + String.join(", ", callGroups.orElse(List.of()))
                    + "; this application will see the tools but cannot call them for you.";
        }
        List<String> groups = scopeGroups(scope);
        return "The permission " + scope + " is only for administrators" + (groups.isEmpty() ? "" : " and members of "
                + String.join(", ", groups)) + "; this application cannot use the tools that need it for you.";
    }

    /** auth.scope-groups.&lt;scope&gt;; read when asked (a consent or a token, not a tool call): the key depends on the scope. */
    private List<String> scopeGroups(String scope) {
        return config.getOptionalValues(SCOPE_GROUPS_PREFIX + scope, String.class).orElse(List.of());
    }
}
