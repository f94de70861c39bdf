package org.jakartamcp.oauth.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jakartamcp.identity.User;

/** A page for administrators only: others are sent to sign in, or get 403 and no data. */
abstract class AdministratorPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Inject
    SignInSession signIn;

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

    public boolean isAllowed() {
        return signIn.user().map(User::administrator).orElse(false);
    }

    String administrator() {
        return signIn.user().filter(User::administrator).map(User::username)
                .orElseThrow(() -> new IllegalStateException("not an administrator"));
    }

    /** The value of a row's hidden field in the form being submitted (what the administrator saw, not a row index). */
    static String submitted(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    static void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    public String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
