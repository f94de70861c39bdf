// The activity page's charts: reads the numbers from the URL in #summary's data-source and draws them with uPlot.
// A file, not inline script: the page's Content-Security-Policy allows script files of this server only.
(function () {
    "use strict";

    var COLORS = ["#0969da", "#1a7f37", "#bf3989", "#9a6700", "#8250df", "#cf222e", "#1b7c83", "#57606a"];
    var drawn = {};

    function width(element) {
        return Math.max(280, element.clientWidth);
    }

    function size(element) {
        return {width: width(element), height: 220};
    }

    // counts start at 0; latencies span orders of magnitude (0.1 ms to seconds): a logarithmic scale
    var COUNTS = {y: {range: function (u, min, max) { return [0, Math.max(1, max)]; }}};
    var MILLISECONDS = {y: {distr: 3}};

    function chart(id, data, labels, perMinute, scales) {
        var element = document.getElementById(id);
        if (drawn[id]) {
            drawn[id].destroy();
        }
        var series = [{}];
        labels.forEach(function (label, i) {
            series.push({label: label, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: !perMinute});
        });
        var options = size(element);
        options.series = series;
        options.scales = scales || COUNTS;
        drawn[id] = new uPlot(options, data, element);
    }

    function perTool(series, time) {
        var tools = Object.keys(series).sort();
        return {labels: tools, data: [time].concat(tools.map(function (tool) { return series[tool]; }))};
    }

    function summary(totals) {
        var tools = Object.keys(totals.calls).sort();
        if (tools.length === 0) {
            return "No tool calls in this range.";
        }
        return "Calls: " + tools.map(function (tool) {
            var errors = totals.errors[tool] || 0;
            return tool + " " + totals.calls[tool] + (errors ? " (" + errors + " errors)" : "");
        }).join(", ") + ".";
    }

    function draw(activity) {
        var time = activity.time;
        var calls = perTool(activity.calls, time);
        chart("chart-calls", calls.data, calls.labels, true);
        var latency = activity.latencyMs;
        var anyCall = latency.p99.some(function (value) { return value !== null; });
        chart("chart-latency", [time, latency.p50, latency.p95, latency.p99], ["p50", "p95", "p99"], false, anyCall ? MILLISECONDS : COUNTS);
        var errors = perTool(activity.errors, time);
        chart("chart-errors", errors.data, errors.labels, true);
        chart("chart-open", [time, activity.sessions, activity.streams], ["sessions", "streams"], true);
        document.getElementById("summary").textContent = summary(activity.totals);
    }

    function load() {
        var summaryElement = document.getElementById("summary");
        fetch(summaryElement.getAttribute("data-source"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("the server answered " + response.status);
                }
                return response.json();
            })
            .then(draw)
            .catch(function (error) {
                summaryElement.textContent = "The numbers could not be read: " + error.message;
            });
    }

    document.addEventListener("DOMContentLoaded", function () {
        load();
        // the instances write their current minute every few seconds: the page follows
        window.setInterval(load, 60000);
        window.addEventListener("resize", function () {
            Object.keys(drawn).forEach(function (id) {
                drawn[id].setSize(size(document.getElementById(id)));
            });
        });
    });
}());
