package org.jakartamcp.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The JAX-RS application is the default servlet ("/"), so that the MCP and OAuth endpoints sit at the
 * root next to the Faces pages. For the default servlet the Servlet specification gives the whole path
 * as the servlet path and no path info; RESTEasy (Liberty) copes, Jersey (Payara) then matches nothing.
 * Towards the JAX-RS servlet only, the request is shown as under a "/*" mapping: empty servlet path,
 * the path as path info, which every JAX-RS implementation reads the same way.
 */
public class DefaultServletPaths extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getPathInfo() != null || request.getServletPath().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getServletPath();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getServletPath() {
                return "";
            }

            @Override
            public String getPathInfo() {
                return path;
            }
        }, response);
    }
}
