package org.jakartamcp.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Backs the page at "/": this server's own URLs, as the visitor reached it, and how to connect a client. */
@Named
@RequestScoped
public class LandingPage {

    @Inject
    @ConfigProperty(name = "mcp.server.key", defaultValue = "math")
    String serverKey;

    private String baseUrl;

    public String getBaseUrl() {
        if (baseUrl == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            baseUrl = baseUrl(request.getScheme(), request.getServerName(), request.getServerPort(), request.getContextPath());
        }
        return baseUrl;
    }

    public String getSseUrl() {
        return getBaseUrl() + "/sse";
    }

    public String getStreamableHttpUrl() {
        return getBaseUrl() + "/mcp";
    }

    public String getClaudeDesktopConfig() {
        return ClientConfiguration.claudeDesktop(serverKey, getSseUrl());
    }

    /** MCP Inspector 2 with this server added (its HTTP+SSE endpoint, like the quick start's); it opens in the browser. */
    public String getInspectorCommand() {
        return "npx @modelcontextprotocol/inspector --transport sse --server-url " + getSseUrl();
    }

    static String baseUrl(String scheme, String host, int port, String contextPath) {
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + authority + (defaultPort ? "" : ":" + port) + contextPath;
    }
}
