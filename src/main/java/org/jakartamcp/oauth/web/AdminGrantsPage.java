package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jakartamcp.oauth.ClientAdministration;

/** Every user's active grants for administrators ({@code admin/grants.xhtml}), with Revoke. */
@Named
@RequestScoped
public class AdminGrantsPage extends AdministratorPage {

    @Inject
    ClientAdministration administration;

    private List<ClientAdministration.UserGrant> grants;

    public List<ClientAdministration.UserGrant> getGrants() {
        if (grants == null) {
            grants = isAllowed() ? onePage(administration.activeGrants(offset(), fetchSize())) : List.of();
        }
        return grants;
    }

    public String revoke() {
        if (!isAllowed()) {
            return null;
        }
        long grantId;
        try {
            grantId = Long.parseLong(submitted("grant"));
        } catch (NumberFormatException e) {
            done("No such grant.");
            return null;
        }
        done(administration.revokeGrant(grantId, administrator()) ? "Revoked; its tokens no longer work." : "No such active grant.");
        grants = null;
        return null;
    }
}
