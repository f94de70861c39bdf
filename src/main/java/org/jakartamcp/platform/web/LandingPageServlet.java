package org.jakartamcp.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Shows the Faces landing page at the bare context root. The empty pattern matches only the root
 * itself; JAX-RS, as the default servlet, would otherwise take it and welcome files never apply.
 */
@WebServlet(urlPatterns = "")
public class LandingPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/index.xhtml").forward(request, response);
    }
}
