package dev.txauth.dashboard;

import java.util.Map;
import java.util.Optional;

/**
 * The files the dashboard serves, by request name, with their media types: a fixed list, so no request path is ever
 * turned into a class-path lookup (no traversal, no serving of class files or other resources of the jar).
 */
final class DashboardFiles {

    static final String INDEX = "index.html";
    static final String ROOT = "/dashboard/";

    /**
     * docs/dashboard.md: scripts and styles only from this origin, no inline code, no plugins, no framing; the page
     * talks to nothing but Keycloak itself ({@code connect-src 'self'}).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'; object-src 'none'";

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(INDEX, "text/html; charset=utf-8"),
            Map.entry("dashboard.css", CSS),
            Map.entry("messages.js", JS),
            Map.entry("api.js", JS),
            Map.entry("auth.js", JS),
            Map.entry("charts.js", JS),
            Map.entry("users.js", JS),
            Map.entry("app.js", JS),
            Map.entry("vendor/uPlot.iife.min.js", JS),
            Map.entry("vendor/uPlot.min.css", CSS),
            Map.entry("vendor/LICENSE", "text/plain; charset=utf-8"));

    private DashboardFiles() {
    }

    /** The media type of a servable file, empty for any other name. */
    static Optional<String> typeOf(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    static Iterable<String> names() {
        return TYPES.keySet();
    }
}
