package org.jakartamcp.platform.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.jakartamcp.platform.database.DatabaseFailures;

/**
 * The last line for every exception a resource lets escape: a database that cannot be reached is a
 * 503 the client may retry; anything else is a 500 whose details stay in the server log, under an
 * incident id the client can quote.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return web.getResponse();
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            LOG.warning(() -> "Database unavailable: " + DatabaseFailures.describe(failure));
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "Database unavailable",
                            "The database cannot be reached right now; try again shortly.")
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = Incidents.log(LOG, "A request", failure);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal server error",
                "The server could not complete the request (incident " + incident + ").").build();
    }
}
