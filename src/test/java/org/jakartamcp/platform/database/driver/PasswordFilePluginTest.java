package org.jakartamcp.platform.database.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.plugin.AuthenticationRequestType;

class PasswordFilePluginTest {

    private static final String PROPERTY = "org.postgresql.pgpassfile";

    @TempDir
    Path temporary;

    @AfterEach
    void forgetTheFile() {
        System.clearProperty(PROPERTY);
    }

    private static Properties connection(String password) {
        Properties info = new Properties();
        info.setProperty("PGHOST", "localhost");
        info.setProperty("PGPORT", "54329");
        info.setProperty("PGDBNAME", "mcp");
        info.setProperty("user", "mcp");
        info.setProperty("password", password);
        return info;
    }

    @Test
    void aConfiguredPasswordWins() throws Exception {
        System.setProperty(PROPERTY, passwordFile().toString());
        assertArrayEquals("configured".toCharArray(),
                new PasswordFilePlugin(connection("configured")).getPassword(AuthenticationRequestType.SASL));
    }

    /** Liberty passes an unset DB_PASSWORD as an empty string. */
    @Test
    void withoutOneThePasswordFileNamedByTheDriversPropertyIsRead() throws Exception {
        System.setProperty(PROPERTY, passwordFile().toString());
        assertArrayEquals("generated".toCharArray(),
                new PasswordFilePlugin(connection("")).getPassword(AuthenticationRequestType.SASL));
    }

    @Test
    void theStoredPasswordIsNeverSentInClearText() throws Exception {
        System.setProperty(PROPERTY, passwordFile().toString());
        assertNull(new PasswordFilePlugin(connection("")).getPassword(AuthenticationRequestType.CLEARTEXT_PASSWORD));
        assertNull(new PasswordFilePlugin(connection("")).getPassword(AuthenticationRequestType.MD5_PASSWORD));
        assertArrayEquals("configured".toCharArray(),
                new PasswordFilePlugin(connection("configured")).getPassword(AuthenticationRequestType.MD5_PASSWORD));
    }

    @Test
    void withNeitherThereIsNoPasswordToSend() throws Exception {
        System.setProperty(PROPERTY, temporary.resolve("absent").toString());
        assertNull(new PasswordFilePlugin(connection("")).getPassword(AuthenticationRequestType.SASL));
        Properties otherUser = connection("");
        otherUser.setProperty("user", "someone-else");
        System.setProperty(PROPERTY, passwordFile().toString());
        assertNull(new PasswordFilePlugin(otherUser).getPassword(AuthenticationRequestType.SASL));
    }

    private Path passwordFile() throws Exception {
        Path file = temporary.resolve("passwords.pgpass");
        Files.writeString(file, "localhost:54329:*:mcp:generated\n");
        return file;
    }
}
