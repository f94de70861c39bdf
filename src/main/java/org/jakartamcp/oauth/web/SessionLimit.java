package org.jakartamcp.oauth.web;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The server holds at most so many HTTP sessions (HTTP_SESSIONS_MAX, {@link SessionCapacity}). A new
 * visitor past that gets 503 with Retry-After and a short page: in memory, Liberty hands out a session
 * that refuses every use (other servers throw from getSession), which would otherwise fail the page
 * with a 500 and two stack traces in the log per request. Browsers that already have a session, and
 * the MCP endpoints (bearer tokens, no session), go on as before. Mapped in web.xml to the pages that
 * keep a session (a new such page belongs there); the JAX-RS sign-in endpoints ask {@link SessionCapacity#refused}.
 */
public class SessionLimit implements Filter {

    static final int RETRY_AFTER_SECONDS = 60;
    static final String TITLE = "The server is busy";
    static final String DETAIL = "The server is busy signing other people in; try again in a minute.";

    @Inject
    SessionCapacity capacity;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (capacity.refused((HttpServletRequest) request)) {
            HttpServletResponse http = (HttpServletResponse) response;
            ErrorPage.write(http, 503, TITLE, DETAIL);
            http.setIntHeader("Retry-After", RETRY_AFTER_SECONDS);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The answer of a JAX-RS sign-in endpoint when {@link SessionCapacity#refused} says so. */
    static Response busy() {
        return Response.fromResponse(ErrorPage.response(503, TITLE, DETAIL)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
