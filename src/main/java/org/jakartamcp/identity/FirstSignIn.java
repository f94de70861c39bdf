package org.jakartamcp.identity;

/** How the first administrator signs in the first time: their username, and the file holding their generated password. */
public record FirstSignIn(String username, String passwordFile) {
}
