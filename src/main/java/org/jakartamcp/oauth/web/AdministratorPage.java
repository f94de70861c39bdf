package org.jakartamcp.oauth.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jakartamcp.identity.User;
import org.jakartamcp.identity.UserRepository;

/** A page for administrators only: others are sent to sign in, or get 403 and no data. */
abstract class AdministratorPage {

    /** The longest id a row's hidden field carries: a client id (the column's size). */
    static final int MAX_ID = 512;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Inject
    SignInSession signIn;

    @Inject
    UserRepository users;

    private User administrator;

    /** The view action: sign in first; anyone but an administrator gets 403. */
    public String check() {
        if (signIn.user().isEmpty()) {
            return "/login.xhtml?faces-redirect=true";
        }
        if (!isAllowed()) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(403);
        }
        return null;
    }

    /** Read from the database once per request, so that an administrator demoted or disabled meanwhile loses the pages at once. */
    public boolean isAllowed() {
        if (administrator == null) {
            administrator = signIn.user().flatMap(user -> users.find(user.id())).filter(User::administrator).orElse(null);
        }
        return administrator != null;
    }

    String administrator() {
        if (!isAllowed()) {
            throw new IllegalStateException("not an administrator");
        }
        return administrator.username();
    }

    /**
     * The value of a row's hidden field in the form being submitted (what the administrator saw, not a
     * row index); null when absent or longer than any id (client ids and grant numbers are far shorter).
     */
    static String submitted(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value != null && value.length() <= MAX_ID ? value : null;
    }

    static void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
