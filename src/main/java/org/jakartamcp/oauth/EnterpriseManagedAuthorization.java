package org.jakartamcp.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jakartamcp.mcp.spi.ProtocolExtension;

/** Declares the Enterprise-Managed Authorization extension to MCP clients while an identity provider is trusted. */
@ApplicationScoped
public class EnterpriseManagedAuthorization implements ProtocolExtension {

    public static final String ID = "io.modelcontextprotocol/enterprise-managed-authorization";

    @Inject
    IdJagGrant grant;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean offered() {
        return grant.offered();
    }
}
