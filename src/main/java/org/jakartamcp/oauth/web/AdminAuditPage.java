package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jakartamcp.identity.User;
import org.jakartamcp.platform.audit.AuditEvent;
import org.jakartamcp.platform.audit.AuditTrail;

/** The audit trail for administrators ({@code admin/audit.xhtml}): the newest events, newest first. */
@Named
@RequestScoped
public class AdminAuditPage {

    static final int SHOWN = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Inject
    SignInSession signIn;

    @Inject
    AuditTrail auditTrail;

    private List<AuditEvent> events;

    /** The view action: sign in first; anyone but an administrator gets 403 and no data. */
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

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = isAllowed() ? auditTrail.recent(SHOWN) : List.of();
        }
        return events;
    }

    public String when(AuditEvent event) {
        return WHEN.format(event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC));
    }
}
