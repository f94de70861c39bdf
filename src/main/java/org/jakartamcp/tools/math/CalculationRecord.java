package org.jakartamcp.tools.math;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One calculation a user made, as stored for the history resource. */
@Entity
@Table(name = "calculation")
@NamedQuery(name = CalculationRecord.RECENT, query = "select c from CalculationRecord c where c.principal = :principal order by c.id desc")
public class CalculationRecord {

    static final String RECENT = "CalculationRecord.recent";
    static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String principal;

    @Column(nullable = false, updatable = false, length = 128)
    private String tool;

    @Column(nullable = false, updatable = false, length = MAX_TEXT)
    private String arguments;

    @Column(nullable = false, updatable = false, length = MAX_TEXT)
    private String result;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected CalculationRecord() {
    }

    CalculationRecord(String principal, String tool, String arguments, String result, OffsetDateTime createdAt) {
        this.principal = principal;
        this.tool = tool;
        this.arguments = clip(arguments);
        this.result = clip(result);
        this.createdAt = createdAt;
    }

    /** Roughly what this takes in memory while queued: its texts (two bytes a character at most) and the objects. */
    long approximateBytes() {
        return 2L * (principal.length() + tool.length() + arguments.length() + result.length()) + 256;
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    String principal() {
        return principal;
    }

    String tool() {
        return tool;
    }

    String arguments() {
        return arguments;
    }

    String result() {
        return result;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }
}
