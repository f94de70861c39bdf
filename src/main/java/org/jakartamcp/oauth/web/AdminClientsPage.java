package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.BiPredicate;
import org.jakartamcp.oauth.ClientAdministration;

/** Registered clients for administrators ({@code admin/clients.xhtml}): disable, enable, delete. */
@Named
@RequestScoped
public class AdminClientsPage extends AdministratorPage {

    @Inject
    ClientAdministration administration;

    private List<ClientAdministration.ClientSummary> clients;

    public List<ClientAdministration.ClientSummary> getClients() {
        if (clients == null) {
            clients = isAllowed() ? onePage(administration.newestClients(offset(), fetchSize())) : List.of();
        }
        return clients;
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
