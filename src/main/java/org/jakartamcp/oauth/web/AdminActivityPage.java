package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.jakartamcp.mcp.telemetry.activity.ActivityChart;

/**
 * The activity page for administrators ({@code admin/activity.xhtml}): charts drawn in the browser (uPlot, served from
 * the WAR) from {@link ActivityResource}'s JSON, over the last hour or day ({@code ?range=}; anything else is the hour).
 */
@Named
@RequestScoped
public class AdminActivityPage extends AdministratorPage {

    private ActivityChart.Range range = ActivityChart.Range.HOUR;

    public String getRange() {
        return range.id();
    }

    public void setRange(String value) {
        range = ActivityChart.Range.named(value).orElse(ActivityChart.Range.HOUR);
    }

    /** Where the page's script reads the numbers. */
    public String getDataUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/admin/activity?range=" + range.id();
    }
}
