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
import org.jakartamcp.identity.Passwords;
import org.jakartamcp.identity.User;
import org.jakartamcp.oauth.AuthorizationRequest;

/** The sign-in form ({@code login.xhtml}) of an authorization request. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SignInSession signIn;

    @Inject
    Passwords passwords;

    private String request;
    private String username;
    private String password;

    /** The view action: without a pending request there is nothing to sign in for. */
    public String check() {
        return pending().isPresent() ? null : "/expired.xhtml?faces-redirect=true";
    }

    public String getClientName() {
        return pending().map(ConsentPage::clientName).orElse("");
    }

    public String signIn() throws IOException {
        if (pending().isEmpty()) {
            return "/expired.xhtml?faces-redirect=true";
        }
        Optional<User> user = passwords.authenticate(username, password);
        password = null;
        FacesContext faces = FacesContext.getCurrentInstance();
        if (user.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password.", null));
            return null;
        }
        ExternalContext external = faces.getExternalContext();
        // a new session id at sign-in, so that an id planted before it (session fixation) is worth nothing
        ((HttpServletRequest) external.getRequest()).changeSessionId();
        signIn.signIn(user.get());
        return "/consent.xhtml?faces-redirect=true&request=" + request;
    }

    private Optional<AuthorizationRequest> pending() {
        return signIn.pending(request);
    }

    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
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
