package org.jakartamcp.oauth.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** A minimal HTML page for an error the browser's user must see (nothing can be sent back to the client). */
final class ErrorPage {

    private ErrorPage() {
    }

    static Response response(int status, String title, String detail) {
        return page(status, title, detail, "");
    }

    /** The same page, with a link for the user to follow (rather than a redirect the browser would follow by itself). */
    static Response withLink(int status, String title, String detail, String href, String linkText) {
        return page(status, title, detail, "<p><a id=\"continue\" rel=\"noreferrer\" href=\"" + escape(href) + "\">" + escape(linkText)
                + "</a></p>");
    }

    /** The same page written by a servlet filter that answers before the page runs. */
    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html(title, detail, ""));
    }

    private static Response page(int status, String title, String detail, String more) {
        // the content security policy and the framing ban come from SecurityHeaders, as for every response
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html(title, detail, more))
                .header("Cache-Control", "no-store").build();
    }

    private static String html(String title, String detail, String more) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + "</title><link rel=\"stylesheet\" href=\"jakarta.faces.resource/site.css.xhtml\"></head><body><main><h1>"
                + escape(title) + "</h1><p id=\"error\">" + escape(detail) + "</p>" + more + "</main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
