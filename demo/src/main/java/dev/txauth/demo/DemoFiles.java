package dev.txauth.demo;

import dev.txauth.model.web.StaticPage;

import java.util.Map;

/** The demo's page and scripts (a fixed list, {@link StaticPage}) under the strict CSP: no inline code anywhere. */
final class DemoFiles {

    static final StaticPage PAGE = new StaticPage(DemoFiles.class, "/demo/", "index.html", Map.ofEntries(
            Map.entry("index.html", StaticPage.HTML),
            Map.entry("callback.html", StaticPage.HTML),
            Map.entry("demo.css", StaticPage.CSS),
            Map.entry("wallet.js", StaticPage.JS),
            Map.entry("steps.js", StaticPage.JS),
            Map.entry("app.js", StaticPage.JS),
            Map.entry("callback.js", StaticPage.JS)), StaticPage.STRICT_POLICY);

    private DemoFiles() {
    }
}
