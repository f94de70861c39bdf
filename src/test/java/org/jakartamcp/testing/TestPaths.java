package org.jakartamcp.testing;

import java.nio.file.Path;

/** Where the build puts things the tests need. */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path buildDirectory() {
        return Path.of(System.getProperty("test.build.directory", "target")).toAbsolutePath();
    }

    public static Path libertyHome() {
        return buildDirectory().resolve("liberty/wlp");
    }

    /** The Liberty server the build starts for the integration tests (test.server.name: builds side by side need their own). */
    public static String testServerName() {
        return System.getProperty("test.server.name", "test");
    }

    public static Path testServerLog() {
        return libertyHome().resolve("usr/servers").resolve(testServerName()).resolve("logs/messages.log");
    }
}
