package org.jakartamcp.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** A person who signs in. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = UserRecord.BY_USERNAME, query = "select u from UserRecord u where u.username = :username")
@NamedQuery(name = UserRecord.BY_EXTERNAL_SUBJECT, query = "select u from UserRecord u where u.externalSubject = :subject")
@NamedQuery(name = UserRecord.COUNT, query = "select count(u) from UserRecord u")
@NamedQuery(name = UserRecord.USERNAMES, query = "select u.id, u.username from UserRecord u where u.id in :ids")
public class UserRecord {

    static final String BY_USERNAME = "UserRecord.byUsername";
    static final String BY_EXTERNAL_SUBJECT = "UserRecord.byExternalSubject";
    static final String COUNT = "UserRecord.count";
    static final String USERNAMES = "UserRecord.usernames";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String username;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "password_hash", length = 512)
    String passwordHash;

    @Column(nullable = false)
    boolean administrator;

    @Column(nullable = false)
    boolean disabled;

    @Column(name = "external_subject", length = 1024)
    String externalSubject;

    @Column(nullable = false, length = 20000)
    String groups = "";

    @Column(name = "signed_in_at")
    OffsetDateTime signedInAt;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    protected UserRecord() {
    }

    UserRecord(String username, String displayName, String passwordHash, boolean administrator, OffsetDateTime createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.administrator = administrator;
        this.createdAt = createdAt;
    }

    public User toUser() {
        return new User(id, username, displayName == null ? username : displayName, administrator,
                groups.isEmpty() ? List.of() : List.of(groups.split("\n")), passwordHash == null ? signedInAt : null);
    }

    /** What the identity provider or proxy says now: name, groups, and (when group-mapped) administrator. */
    void update(String displayName, List<String> groups, boolean administrator, OffsetDateTime signedInAt) {
        this.signedInAt = signedInAt;
        this.displayName = displayName;
        this.groups = String.join("\n", groups);
        this.administrator = administrator;
    }
}
