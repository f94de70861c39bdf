package org.jakartamcp.oauth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * The scopes this authorization server issues: mcp:list and mcp:call, then the step-up scopes the tools need
 * ({@link ResourceScopes}), each with its description for the consent page. Fixed once the application has
 * deployed (tools and their configuration do not change while it runs).
 */
@ApplicationScoped
public class SupportedScopes {

    private static final Logger LOG = Logger.getLogger(SupportedScopes.class.getName());

    /** RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    @Inject
    Instance<ResourceScopes> sources;

    private Map<String, String> descriptions;
    private List<String> all;

    @PostConstruct
    void collect() {
        Map<String, String> found = new LinkedHashMap<>();
        found.put(OAuthSettings.SCOPE_LIST, "See the tools, resources and prompts this server offers");
        found.put(OAuthSettings.SCOPE_CALL, "Call the tools on your behalf");
        sources.forEach(source -> source.describedScopes().forEach((scope, description) -> {
            if (!isScopeToken(scope)) {
                LOG.severe(() -> "Ignoring the scope '" + scope + "': a scope is printable ASCII without spaces, '\"' or '\\'");
            } else {
                found.putIfAbsent(scope, description);
            }
        }));
        descriptions = found;
        all = List.copyOf(found.keySet());
    }

    static boolean isScopeToken(String scope) {
        return scope != null && SCOPE_TOKEN.matcher(scope).matches();
    }

    /** Every scope, mcp:list and mcp:call first. */
    public List<String> all() {
        return all;
    }

    public boolean isSupported(String scope) {
        return descriptions.containsKey(scope);
    }

    /** What holding the scope allows, for the consent page; the scope itself when unknown. */
    public String description(String scope) {
        return descriptions.getOrDefault(scope, scope);
    }

    /** The supported ones of these scopes, space-separated in this server's order (mcp:list, mcp:call, then the tools'). */
    public String ordered(Collection<String> scopes) {
        return String.join(" ", all.stream().filter(scopes::contains).toList());
    }
}
