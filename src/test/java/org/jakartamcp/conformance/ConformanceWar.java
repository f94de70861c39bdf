package org.jakartamcp.conformance;

import java.io.File;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Writes the deployment {@link ConformanceSuiteIT} tests (the product WAR plus the suite's
 * fixtures, in open-access mode) to a file, so that scripts/conformance.sh can run any version of
 * the official suite against the same server outside the tests.
 */
public final class ConformanceWar {

    private ConformanceWar() {
    }

    public static void main(String[] arguments) {
        if (arguments.length != 1) {
            throw new IllegalArgumentException("usage: ConformanceWar <war file to write>");
        }
        File war = new File(arguments[0]);
        File directory = war.getAbsoluteFile().getParentFile();
        if (!directory.isDirectory() && !directory.mkdirs()) {
            throw new IllegalStateException("cannot create " + directory);
        }
        ConformanceSuiteIT.productWithFixtures().as(ZipExporter.class).exportTo(war, true);
    }
}
