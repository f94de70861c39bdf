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

    void signInIfVouchedFor(HttpServletRequest request) {
        if (signIn.user().isPresent()) {
            return;
        }
        trustedProxy.user(request).ifPresent(user -> {
            request.changeSessionId();
            signIn.signIn(user);
            audit.record(AuditTrail.SIGN_IN_SUCCEEDED, user.username(), "through the trusted proxy " + request.getRemoteAddr());
        });
    }
}
