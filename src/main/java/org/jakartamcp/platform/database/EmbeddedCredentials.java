package org.jakartamcp.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The passwords of the embedded PostgreSQL's roles, kept in its data directory in a file only the
 * server's user can read. The file is in PostgreSQL's password file format, so the JDBC driver
 * (through {@code org.postgresql.pgpassfile}) and {@code psql} (through {@code PGPASSFILE}) read it
 * as it is: the passwords never have to be copied anywhere else.
 */
final class EmbeddedCredentials {

    static final String FILE_NAME = "mcp-credentials.pgpass";
    static final String SUPERUSER = "postgres";
    /** The embedded server listens on the loopback address only; the JDBC URL names it "localhost". */
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    /** Role name to password, in the order they are written. */
    private final Map<String, String> passwords;

    private EmbeddedCredentials(int port, Map<String, String> passwords) {
        this.port = port;
        this.passwords = passwords;
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    /** The passwords stored in the data directory; empty when it has none yet (a new or an older data directory). */
    static Optional<EmbeddedCredentials> read(Path dataDirectory, int port) throws IOException {
        Path file = file(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            List<String> fields = fields(line);
            if (fields.size() == 5 && !line.startsWith("#")) {
                passwords.putIfAbsent(fields.get(3), fields.get(4));
            }
        }
        return passwords.containsKey(SUPERUSER) ? Optional.of(new EmbeddedCredentials(port, passwords)) : Optional.empty();
    }

    /**
     * The passwords for this start: the stored ones, a new superuser password if none is stored, and
     * for the owner the configured password, else the stored one, else a new one. A configured
     * password is not written to the file: it already lives in the configuration.
     */
    static EmbeddedCredentials resolve(Optional<EmbeddedCredentials> stored, int port, String owner,
                                       Optional<String> configuredOwnerPassword) {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(SUPERUSER, stored.map(EmbeddedCredentials::superuserPassword).orElseGet(EmbeddedCredentials::generate));
        if (configuredOwnerPassword.isEmpty() && !SUPERUSER.equals(owner)) {
            passwords.put(owner, stored.flatMap(credentials -> credentials.password(owner)).orElseGet(EmbeddedCredentials::generate));
        }
        return new EmbeddedCredentials(port, passwords);
    }

    String superuserPassword() {
        return passwords.get(SUPERUSER);
    }

    Optional<String> password(String role) {
        return Optional.ofNullable(passwords.get(role));
    }

    /** Writes the file readable and writable by the server's user only, replacing it in one step. */
    void write(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        Path temporary = dataDirectory.resolve(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether the file already holds exactly these passwords. */
    boolean isStoredIn(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        return Files.exists(file) && Files.readString(file).equals(content());
    }

    String content() {
        StringBuilder content = new StringBuilder("# Passwords of the embedded PostgreSQL (PostgreSQL password file format).\n"
                + "# Written by the server; keep it private. psql: PGPASSFILE=<this file> psql -h 127.0.0.1 -p "
                + port + " -U postgres mcp\n");
        passwords.forEach((role, password) -> HOSTS.forEach(host -> content.append(String.join(":",
                escape(host), String.valueOf(port), "*", escape(role), escape(password))).append('\n')));
        return content.toString();
    }

    /** 32 random bytes, URL-safe Base64: no character the password file or SQL literal needs to escape. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** Splits a password file line on unescaped colons, removing the escapes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials" + passwords.keySet(); // never the passwords
    }
}
