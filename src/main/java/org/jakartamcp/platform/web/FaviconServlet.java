package org.jakartamcp.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The site's icon, where browsers look for it. JAX-RS is the default servlet, so files at the root are not served
 * by the container; the two icons are read once and kept (a few hundred bytes).
 */
@WebServlet(urlPatterns = {"/favicon.ico", "/favicon.svg"})
public class FaviconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("/favicon.ico", "image/x-icon", "/favicon.svg", "image/svg+xml");

    private transient Map<String, byte[]> icons;

    @Override
    public void init() throws ServletException {
        icons = Map.of("/favicon.ico", read("favicon.ico"), "/favicon.svg", read("favicon.svg"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] icon = icons.get(request.getServletPath());
        response.setContentType(TYPES.get(request.getServletPath()));
        response.setContentLength(icon.length);
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.getOutputStream().write(icon);
    }

    private byte[] read(String name) {
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/icons/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The WAR has no WEB-INF/icons/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
