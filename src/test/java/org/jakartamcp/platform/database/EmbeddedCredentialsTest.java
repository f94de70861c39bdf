package org.jakartamcp.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCredentialsTest {

    @TempDir
    Path data;

    @Test
    void generatedPasswordsAreWrittenPrivatelyAndReadBack() throws Exception {
        EmbeddedCredentials generated = EmbeddedCredentials.resolve(Optional.empty(), 54329, "mcp", Optional.empty());
        generated.write(data);

        Path file = EmbeddedCredentials.file(data);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        EmbeddedCredentials read = EmbeddedCredentials.read(data, 54329).orElseThrow();
        assertEquals(generated.superuserPassword(), read.superuserPassword());
        assertEquals(generated.password("mcp"), read.password("mcp"));
        assertTrue(generated.isStoredIn(data));
        assertTrue(Files.readString(file).contains("localhost:54329:*:mcp:" + generated.password("mcp").orElseThrow() + "\n"),
                "a line the JDBC driver matches for jdbc:postgresql://localhost:54329/mcp");
        assertTrue(Files.readString(file).contains("127.0.0.1:54329:*:postgres:" + generated.superuserPassword() + "\n"),
                "and psql -h 127.0.0.1");
        assertFalse(generated.toString().contains(generated.superuserPassword()));
    }

    @Test
    void storedPasswordsAreKeptAndAConfiguredOneIsNotWrittenDown() throws Exception {
        EmbeddedCredentials.resolve(Optional.empty(), 54329, "mcp", Optional.empty()).write(data);
        Optional<EmbeddedCredentials> stored = EmbeddedCredentials.read(data, 54329);

        EmbeddedCredentials again = EmbeddedCredentials.resolve(stored, 54329, "mcp", Optional.empty());
        assertTrue(again.isStoredIn(data), "the next start changes nothing");

        EmbeddedCredentials configured = EmbeddedCredentials.resolve(stored, 54329, "mcp", Optional.of("from DB_PASSWORD"));
        assertEquals(stored.get().superuserPassword(), configured.superuserPassword());
        assertEquals(Optional.empty(), configured.password("mcp"));
        assertFalse(configured.content().contains("from DB_PASSWORD"));

        EmbeddedCredentials otherOwner = EmbeddedCredentials.resolve(stored, 54329, "app", Optional.empty());
        assertNotEquals(stored.get().password("mcp"), otherOwner.password("app"));
    }

    @Test
    void aFileWithoutTheSuperuserCountsAsNone() throws Exception {
        Files.writeString(EmbeddedCredentials.file(data), "# nothing\nlocalhost:54329:*:mcp:secret\n");
        assertEquals(Optional.empty(), EmbeddedCredentials.read(data, 54329));
    }

    @Test
    void colonsAndBackslashesAreEscapedAsPostgresExpects() {
        assertEquals("a\\:b\\\\c", EmbeddedCredentials.escape("a:b\\c"));
        assertEquals(List.of("localhost", "54329", "*", "a:b", "p\\w"), EmbeddedCredentials.fields("localhost:54329:*:a\\:b:p\\\\w"));
        assertTrue(EmbeddedCredentials.generate().matches("[A-Za-z0-9_-]{43}"));
    }
}
