package org.jakartamcp.oauth.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A form posted to a page is refused before the server reads it when it is longer than the OAuth
 * endpoints accept ({@link OAuthJson#MAX_BODY_BYTES}; the pages' forms are a few hundred bytes):
 * the servlet container would otherwise read and decode a body of any size for Faces each time.
 * The container parses a form itself, so the length must be known beforehand: a chunked body gets
 * 411 (browsers always send Content-Length with a form). Mapped to the Faces pages in web.xml.
 */
public class FormBodyLimit implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long length = http.getContentLengthLong();
        if (length > OAuthJson.MAX_BODY_BYTES) {
            // the body stays unread: the connection ends with this answer rather than be drained for the next request
            ((HttpServletResponse) response).setHeader("Connection", "close");
            ErrorPage.write((HttpServletResponse) response, 413, "The form is too large",
                    "A form sent to this server is at most " + OAuthJson.MAX_BODY_BYTES + " bytes long.");
            return;
        }
        if (length < 0 && http.getHeader("Transfer-Encoding") != null) {
            ErrorPage.write((HttpServletResponse) response, 411, "The form has no length",
                    "Send the form with a Content-Length header.");
            return;
        }
        chain.doFilter(request, response);
    }
}
