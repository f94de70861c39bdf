package org.jakartamcp.oauth.web;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.jakartamcp.identity.UserRepository;
import org.jakartamcp.mcp.telemetry.activity.ActivityChart;
import org.jakartamcp.mcp.telemetry.activity.ActivityRepository;

/**
 * The numbers behind the activity page ({@code admin/activity.xhtml}), for administrators signed in to the pages:
 * {@code GET /admin/activity?range=hour|day}, the whole cluster's tool calls, errors, latency percentiles, sessions and
 * streams ({@link ActivityChart#toJson()}), from one query over every instance's minutes. Not signed in: 401; signed in
 * but not an administrator: 403; an unknown range: 400. The minutes are those the instances have written (each every
 * {@code activity.flush-seconds}): the current one grows as they write it.
 */
@Path("admin/activity")
@RequestScoped
public class ActivityResource {

    @Inject
    SignInSession signIn;

    @Inject
    UserRepository users;

    @Inject
    ActivityRepository activity;

    @Context
    HttpServletRequest request;

    private final Clock clock = Clock.systemUTC();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response chart(@QueryParam("range") String rangeName) {
        // no session, no sign-in: asking the session-scoped bean would make a session for nothing
        if (request.getSession(false) == null || signIn.user().isEmpty()) {
            return error(401, "sign_in_required", "Sign in as an administrator on the pages first");
        }
        if (AdministratorPage.administrator(signIn, users).isEmpty()) {
            return error(403, "forbidden", "Administrators only");
        }
        Optional<ActivityChart.Range> range = rangeName == null ? Optional.of(ActivityChart.Range.HOUR) : ActivityChart.Range.named(rangeName);
        if (range.isEmpty()) {
            return error(400, "invalid_range", "range must be hour or day");
        }
        var now = clock.instant();
        ActivityChart chart = ActivityChart.of(range.get(), now, activity.since(range.get().from(now)));
        return Response.ok(chart.toJson().toString(), MediaType.APPLICATION_JSON_TYPE).cacheControl(OAuthJson.NO_STORE).build();
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(OAuthJson.NO_STORE)
                .entity(JSON.createObjectBuilder().add("error", error).add("error_description", description).build().toString())
                .build();
    }
}
