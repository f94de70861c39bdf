package org.jakartamcp.platform.errors;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document: what went wrong, in words a client can show, and never a stack trace. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response.ResponseBuilder response(Response.Status status, String title, String detail) {
        JsonObject body = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status.getStatusCode())
                .add("detail", detail)
                .build();
        return Response.status(status).type(MEDIA_TYPE).entity(body.toString());
    }
}
