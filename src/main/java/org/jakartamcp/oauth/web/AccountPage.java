package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jakartamcp.identity.User;
import org.jakartamcp.oauth.ConnectedClients;

/** The account page ({@code account.xhtml}): the clients connected to the signed-in user's account, each revocable. */
@Named
@RequestScoped
public class AccountPage {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Inject
    SignInSession signIn;

    @Inject
    ConnectedClients connectedClients;

    private List<ConnectedClients.Connection> connections;

    /** The view action: sign in first. */
    public String check() {
        return signIn.user().isPresent() ? null : "/login.xhtml?faces-redirect=true";
    }

    public String getUserName() {
        return signIn.user().map(User::displayName).orElse("");
    }

    public boolean isAdministrator() {
        return signIn.user().map(User::administrator).orElse(false);
    }

    public List<ConnectedClients.Connection> getConnections() {
        if (connections == null) {
            connections = signIn.user().map(user -> connectedClients.of(user.id())).orElse(List.of());
        }
        return connections;
    }

    public String since(ConnectedClients.Connection connection) {
        return SINCE.format(connection.since().withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    public String revoke(long grantId) {
        User user = signIn.user().orElse(null);
        if (user == null) {
            return "/login.xhtml?faces-redirect=true";
        }
        boolean revoked = connectedClients.revoke(user.id(), grantId);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(revoked ? FacesMessage.SEVERITY_INFO
                : FacesMessage.SEVERITY_WARN, revoked ? "Access revoked." : "That access was already revoked.", null));
        connections = null;
        return null;
    }

    public String signOut() {
        signIn.signOut();
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return "/index.xhtml?faces-redirect=true";
    }
}
