package org.jakartamcp.platform.housekeeping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.jakartamcp.mcp.session.EventLog;

/**
 * The deletes of housekeeping, one bounded batch per call and transaction. Each batch picks its rows
 * with {@code FOR UPDATE SKIP LOCKED}: instances running housekeeping at the same time take different
 * rows instead of waiting for each other, and a row in use by a request is left for the next run.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class HousekeepingRepository {

    /** What housekeeping deletes; each statement takes the cutoff (?1) and the batch size (?2). */
    enum Purge {
        IDLE_SESSIONS("delete from mcp_session where id_hash in (select id_hash from mcp_session "
                + "where last_seen_at < ?1 limit ?2 for update skip locked)"),
        // the newest event of a standalone stream stays while its session lives: a client resumes from it
        STREAM_EVENTS("delete from mcp_event where seq in (select e.seq from mcp_event e where e.created_at < ?1 "
                + "and (e.stream_id <> '" + EventLog.STANDALONE_STREAM + "' or exists (select 1 from mcp_event n "
                + "where n.session_hash = e.session_hash and n.stream_id = e.stream_id and n.seq > e.seq)) "
                + "limit ?2 for update of e skip locked)"),
        EXPIRED_CODES("delete from oauth_code where code_hash in (select code_hash from oauth_code "
                + "where expires_at < ?1 limit ?2 for update skip locked)"),
        EXPIRED_REFRESH_TOKENS("delete from oauth_refresh_token where token_hash in (select token_hash from oauth_refresh_token "
                + "where expires_at < ?1 limit ?2 for update skip locked)"),
        // with their codes and refresh tokens (on delete cascade)
        REVOKED_GRANTS("delete from oauth_grant where id in (select id from oauth_grant "
                + "where revoked_at < ?1 limit ?2 for update skip locked)"),
        // never granted anything; a disabled client stays: it is an administrator's decision on record
        UNUSED_CLIENTS("delete from oauth_client where client_id in (select c.client_id from oauth_client c "
                + "where c.created_at < ?1 and c.first_granted_at is null and not c.disabled "
                + "and not exists (select 1 from oauth_grant g where g.client_id = c.client_id) "
                + "limit ?2 for update of c skip locked)"),
        AUDIT_EVENTS("delete from audit_event where id in (select id from audit_event "
                + "where occurred_at < ?1 limit ?2 for update skip locked)"),
        // a used request state that has expired is refused as expired: its row has done its work
        USED_REQUEST_STATES("delete from mcp_request_state_used where id in (select id from mcp_request_state_used "
                + "where expires_at < ?1 limit ?2 for update skip locked)"),
        // a redeemed ID-JAG past its expiry: a replay is refused as expired
        USED_ASSERTIONS("delete from oauth_used_assertion where id in (select id from oauth_used_assertion "
                + "where expires_at < ?1 limit ?2 for update skip locked)"),
        // an HTTP+SSE message relayed to a stream's instance that never took it: that instance is gone
        RELAYED_SSE_MESSAGES("delete from mcp_sse_relay where id in (select id from mcp_sse_relay "
                + "where created_at < ?1 limit ?2 for update skip locked)"),
        // a rate limit's bucket that has filled up again: a new one starts full, as it would be
        FULL_RATE_LIMIT_BUCKETS("delete from rate_limit_bucket where key in (select key from rate_limit_bucket "
                + "where expires_at < ?1 limit ?2 for update skip locked)"),
        // sign-in failures forgotten and a success no longer known: a new row starts with none, as it would be
        FORGOTTEN_SIGN_IN_FAILURES("delete from sign_in_failure where key in (select key from sign_in_failure "
                + "where expires_at < ?1 limit ?2 for update skip locked)"),
        // a client's answer relayed to the instance that asked, which never took it: that instance is gone
        RELAYED_CLIENT_ANSWERS("delete from mcp_client_answer where id in (select id from mcp_client_answer "
                + "where created_at < ?1 limit ?2 for update skip locked)"),
        // an instance that died (a stopping one deletes its own row); long past counting as alive
        DEAD_INSTANCES("delete from cluster_instance where id in (select id from cluster_instance "
                + "where last_beat_at < ?1 limit ?2 for update skip locked)"),
        // the activity page's minutes, past the longest range it shows (and then some)
        ACTIVITY_MINUTES("delete from activity_minute where (minute, instance_id) in (select minute, instance_id from activity_minute "
                + "where minute < ?1 limit ?2 for update skip locked)");

        final String sql;

        Purge(String sql) {
            this.sql = sql;
        }
    }

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Deletes up to {@code batchSize} rows of the kind from before {@code cutoff}; returns how many. */
    int deleteBatch(Purge purge, OffsetDateTime cutoff, int batchSize) {
        return entityManager.createNativeQuery(purge.sql)
                .setParameter(1, cutoff)
                .setParameter(2, batchSize)
                .executeUpdate();
    }
}
