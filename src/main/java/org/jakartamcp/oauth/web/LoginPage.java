package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.identity.Passwords;
import org.jakartamcp.identity.SignInRefused;
import org.jakartamcp.identity.User;
import org.jakartamcp.identity.oidc.UpstreamProvider;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.ratelimit.SignInLimits;
import org.jakartamcp.platform.web.ClientAddress;
import org.jakartamcp.platform.web.ClientAddresses;

/** The sign-in form ({@code login.xhtml}) of an authorization request. */
@Named
@RequestScoped
public class LoginPage extends PendingRequestPage {

    @Inject
    Passwords passwords;

    @Inject
    SignInLimits signInLimits;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    AuditTrail audit;

    @Inject
    SignIns signIns;

    @Inject
    UpstreamProvider upstream;

    @Inject
    @ConfigProperty(name = "auth.local-login.enabled", defaultValue = "true")
    boolean localLogin;

    private String username;
    private String password;

    /** The view action: a request id that is not (or no longer) pending has expired; no id means signing in to the account page. */
    public String check() {
        if (request != null && pending().isEmpty()) {
            return "/expired.xhtml?faces-redirect=true";
        }
        try {
            signIns.signInIfVouchedFor((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
        } catch (SignInRefused refused) {
            refuse(403, refused.getMessage());
            return null;
        }
        if (signIn.user().isPresent()) {
            return request == null ? "/account.xhtml?faces-redirect=true" : "/consent.xhtml?faces-redirect=true&request=" + request;
        }
        return null;
    }

    public String getClientName() {
        return pending().map(ConsentPage::clientName).orElse("");
    }

    public String signIn() throws IOException {
        if (request != null && pending().isEmpty()) {
            return "/expired.xhtml?faces-redirect=true";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        if (!localLogin) {
            refuse(403, "Sign-in with a password is turned off on this server.");
            return null;
        }
        if (!Passwords.withinBounds(username, password)) {
            // no account has such a name or password: the usual answer, before any limit, lookup or audit row, and not echoed back
            username = null;
            password = null;
            wrongPassword(faces);
            return null;
        }
        HttpServletRequest http = (HttpServletRequest) external.getRequest();
        ClientAddress address = clientAddresses.of(http);
        OptionalLong wait = signInLimits.tryAttempt(username, address.limitKey());
        if (wait.isPresent()) {
            // counted per address (IPv6 per /64), which a limited caller cannot vary at will; names are typed freely
            audit.recordRepeated(AuditTrail.SIGN_IN_LIMITED, address.limitKey(), "first from " + address.text() + " as " + username);
            password = null;
            external.setResponseHeader("Retry-After", Long.toString(wait.getAsLong()));
            refuse(429, "Too many sign-in attempts. Try again in " + wait.getAsLong() + " s.");
            return null;
        }
        Optional<User> user;
        try {
            user = passwords.authenticate(username, password);
        } catch (RuntimeException e) {
            // the database failed (503): the user did nothing wrong
            signInLimits.notCounted(username, address.limitKey());
            throw e;
        } finally {
            password = null;
        }
        if (user.isEmpty()) {
            audit.recordRepeated(AuditTrail.SIGN_IN_FAILED, username, "first from " + address.text());
            wrongPassword(faces);
            return null;
        }
        signInLimits.succeeded(username, address.limitKey());
        signIns.signedIn(http, user.get(), "with a password from " + address.text());
        return request == null ? "/account.xhtml?faces-redirect=true" : "/consent.xhtml?faces-redirect=true&request=" + request;
    }

    private static void wrongPassword(FacesContext faces) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
    }

    /** Shows an error on the page instead of the forms, with this status. */
    static void refuse(int status, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().setResponseStatus(status);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public boolean isLocalLogin() {
        return localLogin;
    }

    public boolean isUpstreamLogin() {
        return upstream.isConfigured();
    }

    public String getUpstreamName() {
        return upstream.displayName();
    }

    /** Where the button of the company's identity provider leads: the start of that sign-in, for this pending request. */
    public String getUpstreamStart() {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/oidc/start" + (request == null ? "" : "?request=" + java.net.URLEncoder.encode(request, java.nio.charset.StandardCharsets.UTF_8));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
