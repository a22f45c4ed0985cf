package dev.dermaguard.notify.audit;

import java.util.List;
import java.util.Locale;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.support.auth.Caller;
import dev.dermaguard.notify.repository.AuditEntries;
import dev.dermaguard.notify.repository.AuditEntries.Entry;

/**
 * Who did what, when: alerts raised, consents changed, alerts read or streamed (GDPR Art. 9 data needs a record of
 * every disclosure). Entries name ids only, never health data, so an operator can trace without reading it.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SERVICE = "service";
    public static final String SERVICE_ID = "notify-service";

    private final AuditEntries entries;

    public AuditLog(AuditEntries entries) {
        this.entries = entries;
    }

    /** In the current Panache transaction, with the effect it records. */
    public Uni<Void> record(String actorRole, String actorId, String action, String subject, String detail) {
        return entries.add(actorRole, actorId, action, subject, detail);
    }

    /** The same, as done by the caller of a request. */
    public Uni<Void> record(Caller caller, String action, String subject, String detail) {
        return record(caller.role().name().toLowerCase(Locale.ROOT), caller.principalId(), action, subject, detail);
    }

    /** Newest first; {@code before} an entry id pages back. */
    public Uni<List<Entry>> list(int limit, Long before) {
        return Panache.withSession(() -> entries.newest(limit, before));
    }
}
