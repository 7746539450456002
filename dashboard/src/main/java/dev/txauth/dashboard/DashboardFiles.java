package dev.txauth.dashboard;

import dev.txauth.model.web.StaticPage;

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
    static final String CONTENT_SECURITY_POLICY = StaticPage.STRICT_POLICY;

    private static final String JS = StaticPage.JS;
    private static final String CSS = StaticPage.CSS;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry(INDEX, StaticPage.HTML),
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

    static final StaticPage PAGE = new StaticPage(DashboardFiles.class, ROOT, INDEX, TYPES, CONTENT_SECURITY_POLICY);

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
