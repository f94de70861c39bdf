package org.jakartamcp.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Users besides the administrator, written straight into the test database with a password hash in
 * Jakarta Security's PBKDF2 format ({@code algorithm:iterations:salt:hash}), which the server verifies.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates a user (if the name is new) and returns the name. */
    public static String create(String username, String password) {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement insert = connection.prepareStatement("insert into app_user (username, display_name, password_hash, "
                     + "administrator, disabled, created_at) values (?, ?, ?, false, false, ?) on conflict (username) do nothing")) {
            insert.setString(1, username);
            insert.setString(2, username);
            insert.setString(3, hash(password));
            insert.setObject(4, OffsetDateTime.now());
            insert.executeUpdate();
            return username;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String password) {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            int iterations = 1000;
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 64 * 8)).getEncoded();
            return "PBKDF2WithHmacSHA512:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
