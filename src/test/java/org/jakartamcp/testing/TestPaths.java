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
}
