package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.BiPredicate;
import org.jakartamcp.oauth.ClientAdministration;
import org.jakartamcp.oauth.OAuthSettings;

/**
 * Registered clients for administrators ({@code admin/clients.xhtml}): disable, enable, delete, and register a
 * service client (client credentials grant), whose secret this request shows once: it is not kept anywhere else.
 */
@Named
@RequestScoped
public class AdminClientsPage extends AdministratorPage {

    @Inject
    ClientAdministration administration;

    private List<ClientAdministration.ClientSummary> clients;

    private String serviceName;
    private String serviceScope = String.join(" ", OAuthSettings.SCOPES);
    private ClientAdministration.ServiceClient created;

    public List<ClientAdministration.ClientSummary> getClients() {
        if (clients == null) {
            clients = isAllowed() ? onePage(administration.newestClients(offset(), fetchSize())) : List.of();
        }
        return clients;
    }

    public String createServiceClient() {
        if (!isAllowed()) {
            return null;
        }
        try {
            created = administration.createServiceClient(serviceName, serviceScope, administrator());
            serviceName = null;
            clients = null;
            done("Service client created. Copy its secret now: it is shown only this once.");
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        return null;
    }

    /** The service client created by this request, with its secret; null otherwise. */
    public ClientAdministration.ServiceClient getCreated() {
        return created;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public String getServiceScope() {
        return serviceScope;
    }

    public void setServiceScope(String serviceScope) {
        this.serviceScope = serviceScope;
    }

    public String disable() {
        return act(administration::disable, "Disabled; its grants are revoked.");
    }

    public String enable() {
        return act(administration::enable, "Enabled.");
    }

    public String delete() {
        return act(administration::delete, "Deleted; its grants are revoked.");
    }

    private String act(BiPredicate<String, String> action, String message) {
        if (!isAllowed()) {
            return null;
        }
        String clientId = submitted("client");
        done(action.test(clientId, administrator()) ? message : "No such client.");
        clients = null;
        return null;
    }
}
