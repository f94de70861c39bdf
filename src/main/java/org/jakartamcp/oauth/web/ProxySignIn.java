package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jakartamcp.identity.TrustedProxy;
import org.jakartamcp.platform.audit.AuditTrail;

/** Signs the browser's session in as the user a trusted SSO proxy vouches for, so that the password form is skipped. */
@ApplicationScoped
public class ProxySignIn {

    @Inject
    TrustedProxy trustedProxy;

    @Inject
    SignInSession signIn;

    @Inject
    AuditTrail audit;

    /** When the proxy names a user, that user is the one signed in, even if the session had another (a shared browser). */
    void signInIfVouchedFor(HttpServletRequest request) {
        trustedProxy.user(request).filter(user -> signIn.user().map(current -> current.id() != user.id()).orElse(true)).ifPresent(user -> {
            request.changeSessionId();
            signIn.signIn(user);
            audit.record(AuditTrail.SIGN_IN_SUCCEEDED, user.username(), "through the trusted proxy " + request.getRemoteAddr());
        });
    }
}
