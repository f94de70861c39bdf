package org.jakartamcp.oauth.web;

import jakarta.inject.Inject;
import java.util.Optional;
import org.jakartamcp.oauth.AuthorizationRequest;

/** A page of one pending authorization request, named by the id in its {@code request} view parameter. */
abstract class PendingRequestPage {

    @Inject
    SignInSession signIn;

    String request;

    Optional<AuthorizationRequest> pending() {
        return signIn.pending(request);
    }

    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
    }
}
