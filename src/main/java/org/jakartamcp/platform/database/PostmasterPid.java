package org.jakartamcp.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says about the PostgreSQL running on it: PostgreSQL
 * writes its process id, data directory and port there (one per line) while it runs. Only the
 * server's own user can write in the data directory, so a live process named there that serves our
 * directory on our port is our PostgreSQL; anything else on the port is a stranger.
 */
record PostmasterPid(long pid, Path dataDirectory, int port) {

    static final String FILE_NAME = "postmaster.pid";

    static Optional<PostmasterPid> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        return Files.exists(file) ? parse(Files.readAllLines(file)) : Optional.empty();
    }

    static Optional<PostmasterPid> parse(List<String> lines) {
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), Path.of(lines.get(1).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether this names a running PostgreSQL that serves {@code dataDirectory} on {@code expectedPort}. */
    boolean isRunning(Path expectedDirectory, int expectedPort) throws IOException {
        return port == expectedPort && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && Files.exists(dataDirectory) && Files.isSameFile(dataDirectory, expectedDirectory);
    }
}
