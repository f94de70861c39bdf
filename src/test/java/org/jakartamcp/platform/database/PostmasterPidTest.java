package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterPidTest {

    @TempDir
    Path data;

    private List<String> lines(long pid, Path directory, int port) {
        return List.of(String.valueOf(pid), directory.toString(), "1764420000", String.valueOf(port), "", "127.0.0.1",
                "  5432001    32768", "ready   ");
    }

    @Test
    void aLiveProcessServingOurDirectoryOnOurPortIsOurs() throws Exception {
        long live = ProcessHandle.current().pid();
        Files.write(data.resolve(PostmasterPid.FILE_NAME), lines(live, data, 54329));
        PostmasterPid pid = PostmasterPid.read(data).orElseThrow();
        assertEquals(live, pid.pid());
        assertTrue(pid.isRunning(data, 54329));
        assertFalse(pid.isRunning(data, 54330), "another port");
        assertFalse(pid.isRunning(Files.createDirectory(data.resolve("other")), 54329), "another data directory");
    }

    @Test
    void aDeadProcessOrNoFileIsNotOurs() throws Exception {
        assertEquals(Optional.empty(), PostmasterPid.read(data));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        assertFalse(PostmasterPid.parse(lines(ended.pid(), data, 54329)).orElseThrow().isRunning(data, 54329));
        assertEquals(Optional.empty(), PostmasterPid.parse(List.of("12", "/x")));
        assertEquals(Optional.empty(), PostmasterPid.parse(List.of("not a pid", "/x", "0", "54329")));
    }
}
