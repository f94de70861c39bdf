package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jakartamcp.identity.User;
import org.jakartamcp.oauth.AuthorizationRequest;
import org.jakartamcp.oauth.Authorizations;
import org.jakartamcp.oauth.ScopePolicy;
import org.jakartamcp.oauth.SupportedScopes;
import org.jakartamcp.platform.audit.AuditTrail;

/** The consent page ({@code consent.xhtml}): what a client asks for, and the user's Allow or Deny. */
@Named
@RequestScoped
public class ConsentPage extends PendingRequestPage {

    @Inject
    Authorizations authorizations;

    @Inject
    AuditTrail audit;

    @Inject
    ScopePolicy scopePolicy;

    @Inject
    SupportedScopes supportedScopes;


    /** The view action: sign in first; without a pending request there is nothing to decide. */
    public String check() {
        if (pending().isEmpty()) {
            return "/expired.xhtml?faces-redirect=true";
        }
        return signIn.user().isEmpty() ? "/login.xhtml?faces-redirect=true&request=" + request : null;
    }

    public String getClientName() {
        return pending().map(ConsentPage::clientName).orElse("");
    }

    public String getRedirectHost() {
        return pending().map(pending -> {
            URI uri = URI.create(pending.redirectUri());
            return uri.getHost() != null ? uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") : uri.getScheme();
        }).orElse("");
    }

    public List<String> getScopes() {
        return signIn.user().map(user -> requested().stream().filter(scope -> scopePolicy.mayHave(scope, user))
                .map(supportedScopes::description).toList()).orElse(List.of());
    }

    /** Why requested scopes will not be granted, or empty. */
    public String getWithheld() {
        return signIn.user().map(user -> String.join(" ", requested().stream().filter(scope -> !scopePolicy.mayHave(scope, user))
                .map(scopePolicy::withheldBecause).toList())).orElse("");
    }

    private List<String> requested() {
        return pending().map(AuthorizationRequest::scopes).orElse(List.of());
    }

    public String getUserName() {
        return signIn.user().map(User::displayName).orElse("");
    }

    public void allow() throws IOException {
        decide(true);
    }

    public void deny() throws IOException {
        decide(false);
    }

    private void decide(boolean allowed) throws IOException {
        Optional<AuthorizationRequest> pending = pending();
        Optional<User> user = signIn.user();
        FacesContext faces = FacesContext.getCurrentInstance();
        if (pending.isEmpty() || user.isEmpty()) {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/expired.xhtml");
            return;
        }
        AuthorizationRequest decided = pending.get();
        audit.record(allowed ? AuditTrail.CONSENT_ALLOWED : AuditTrail.CONSENT_DENIED, user.get().username(),
                "client " + decided.clientId() + " (" + clientName(decided) + "), scope " + decided.scope() + ", resource "
                        + decided.resource() + ", redirect " + getRedirectHost());
        signIn.done(request);
        String target = allowed ? authorizations.approve(pending.get(), user.get()) : authorizations.deny(pending.get());
        faces.getExternalContext().redirect(target);
    }

    static String clientName(AuthorizationRequest request) {
        return request.clientName() != null ? request.clientName() : "An unnamed application (" + request.clientId() + ")";
    }

}
