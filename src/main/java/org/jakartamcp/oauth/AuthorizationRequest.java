package org.jakartamcp.oauth;

import java.io.Serializable;
import java.util.List;

/**
 * A checked authorization request, kept on the server (in the browser's session) while the user
 * signs in and decides, so that nothing of it travels through the login and consent forms.
 */
public record AuthorizationRequest(String clientId, String clientName, String redirectUri, boolean redirectUriGiven,
                                   String state, String codeChallenge, String scope, String resource) implements Serializable {

    public List<String> scopes() {
        return List.of(scope.split(" "));
    }
}
