package dev.txauth.dashboard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardFilesTest {

    @Test
    void everyListedFileIsInTheJarIncludingUplotFromItsWebJar() {
        for (String name : DashboardFiles.names()) {
            assertNotNull(DashboardFiles.class.getResource(DashboardFiles.ROOT + name), name);
        }
    }

    @Test
    void servesNothingOutsideTheList() {
        assertFalse(DashboardFiles.typeOf("../META-INF/MANIFEST.MF").isPresent());
        assertFalse(DashboardFiles.typeOf("dev/txauth/dashboard/DashboardResource.class").isPresent());
        assertFalse(DashboardFiles.typeOf("vendor/uPlot.iife.js").isPresent());
    }

    @Test
    void policyAllowsNoInlineScriptOrStyle() {
        assertTrue(DashboardFiles.CONTENT_SECURITY_POLICY.contains("script-src 'self';"));
        assertTrue(DashboardFiles.CONTENT_SECURITY_POLICY.contains("style-src 'self';"));
        assertFalse(DashboardFiles.CONTENT_SECURITY_POLICY.contains("unsafe"));
    }
}
