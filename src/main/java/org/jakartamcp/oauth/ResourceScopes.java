package org.jakartamcp.oauth;

import java.util.Map;

/**
 * Scopes the protected resource needs beyond mcp:list and mcp:call (the tools' step-up scopes), so that the
 * authorization server can offer them; implemented where they are known, by the MCP server.
 */
public interface ResourceScopes {

    /** Each extra scope with what holding it allows, in words for the consent page. */
    Map<String, String> describedScopes();
}
