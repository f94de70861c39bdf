package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jakartamcp.platform.audit.AuditEvent;
import org.jakartamcp.platform.audit.AuditTrail;

/** The audit trail for administrators ({@code admin/audit.xhtml}): the newest events, newest first. */
@Named
@RequestScoped
public class AdminAuditPage extends AdministratorPage {

    static final int SHOWN = 200;

    @Inject
    AuditTrail auditTrail;

    private List<AuditEvent> events;

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = isAllowed() ? auditTrail.recent(SHOWN) : List.of();
        }
        return events;
    }
}
