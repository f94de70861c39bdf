package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jakartamcp.identity.ExternalAccounts;
import org.jakartamcp.identity.ExternalIdentity;
import org.jakartamcp.identity.SignInRefused;
import org.jakartamcp.identity.TrustedProxy;
import org.jakartamcp.identity.User;
import org.jakartamcp.platform.audit.AuditTrail;

/**
 * Signs the browser's session in, whichever way the user proved who they are (password, the
 * company's identity provider, a trusted proxy), and writes the audit trail of it.
 */
@ApplicationScoped
public class SignIns {

    @Inject
    SignInSession session;

    @Inject
    ExternalAccounts accounts;

    @Inject
    TrustedProxy trustedProxy;

    @Inject
    AuditTrail audit;

    /** The session now belongs to {@code user}, under a new id so that an id planted before (session fixation) is worth nothing. */
    void signedIn(HttpServletRequest request, User user, String how) {
        request.changeSessionId();
        session.signIn(user);
        audit.record(AuditTrail.SIGN_IN_SUCCEEDED, user.username(), how);
    }

    /** The account of an identity vouched for elsewhere, signed in; {@link SignInRefused} (audited) when this server refuses it. */
    void signInExternal(HttpServletRequest request, ExternalIdentity identity) {
        User user;
        try {
            user = accounts.signIn(identity);
        } catch (SignInRefused refused) {
            audit.record(AuditTrail.SIGN_IN_REFUSED, identity.username(), "through " + identity.source() + ": " + refused.getMessage());
            throw refused;
        }
        signedIn(request, user, "through " + identity.source());
    }

    /**
     * When a trusted proxy names a user, that user is the one signed in, even if the session had
     * another (a shared browser); a session already signed in as that user is left as it is.
     */
    void signInIfVouchedFor(HttpServletRequest request) {
        Optional<ExternalIdentity> identity = trustedProxy.identity(request);
        if (identity.isPresent() && !session.user().map(User::username).filter(identity.get().username()::equals).isPresent()) {
            signInExternal(request, identity.get());
        }
    }
}
