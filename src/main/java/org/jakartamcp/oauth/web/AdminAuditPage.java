package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jakartamcp.platform.audit.AuditEvent;
import org.jakartamcp.platform.audit.AuditTrail;

/** The audit trail for administrators ({@code admin/audit.xhtml}): every event, newest first, a page at a time. */
@Named
@RequestScoped
public class AdminAuditPage extends AdministratorPage {

    @Inject
    AuditTrail auditTrail;

    private List<AuditEvent> events;

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = isAllowed() ? onePage(auditTrail.page(offset(), fetchSize())) : List.of();
        }
        return events;
    }
}
