package org.jakartamcp.oauth.web;

import jakarta.inject.Inject;
import java.util.Optional;
import org.jakartamcp.oauth.AuthorizationRequest;

/** A page of one pending authorization request, named by the id in its {@code request} view parameter. */
abstract class PendingRequestPage {

    /** Ids are 43 characters (SecretHash.newSecret); some room to spare. */
    static final int MAX_REQUEST_ID = 64;

    @Inject
    SignInSession signIn;

    String request;

    Optional<AuthorizationRequest> pending() {
        return signIn.pending(request);
    }

    public String getRequest() {
        return request;
    }

    /** An id longer than any this server hands out names no request: dropped before it is looked up or echoed in a link. */
    public void setRequest(String request) {
        this.request = request != null && request.length() <= MAX_REQUEST_ID ? request : null;
    }
}
