package org.jakartamcp.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser-facing protections of every response, set in one place so that no page (a Faces page,
 * the landing page, an HTML error of the authorization endpoint, or one added later) goes without:
 * no page may be framed by another site (clickjacking of the sign-in and consent buttons, RFC 9700
 * 4.16), none leaks its URL (which may hold a pending request id) in a Referer. The Faces pages and
 * the landing page are not stored by a browser or proxy cache either (they show account data and
 * carry a form's view state); the JAX-RS endpoints say themselves how long their answers keep
 * (discovery for an hour, tokens and HTML errors never), and the static files under
 * {@value #FACES_RESOURCES} may be cached.
 *
 * <p>The pages load nothing but this server's style sheet: no script, no inline style, no frame, so
 * the policy allows exactly that. The one exception, the administrators' activity page, also runs script files of
 * this server (the chart library and its own, never inline script) that read its numbers from this server. {@code form-action} is left out on purpose: the consent form's
 * answer redirects to the client's redirect URI, and browsers apply {@code form-action} to that
 * redirect too.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    /** The activity page's: the pages' policy, plus script files and requests to this server (its charts' data). */
    static final String CHART_PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String CHART_PAGE = "/admin/activity.xhtml";
    static final String FACES_RESOURCES = "/jakarta.faces.resource/";

    static String policy(String servletPath) {
        return CHART_PAGE.equals(servletPath) ? CHART_PAGE_POLICY : CONTENT_SECURITY_POLICY;
    }

    /** A Faces view, or the landing page at the root (whose servlet forwards to one). */
    static boolean isPage(String servletPath) {
        return servletPath.isEmpty() || "/".equals(servletPath)
                || servletPath.endsWith(".xhtml") && !servletPath.startsWith(FACES_RESOURCES);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy(request.getServletPath()));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (isPage(request.getServletPath())) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
