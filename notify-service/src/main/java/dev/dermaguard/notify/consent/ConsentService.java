package dev.dermaguard.notify.consent;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.support.auth.ApiKeys;
import dev.dermaguard.support.auth.Caller;
import dev.dermaguard.support.auth.Role;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.repository.Consents;
import dev.dermaguard.notify.repository.Consents.Consenting;
import dev.dermaguard.notify.repository.KnownUsers;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.outbox.ConsumedEvents.EventId;

/**
 * Applies consent changes in the order they are processed (the latest processed wins), idempotently, with their
 * audit entry, under the user's lock that alert decisions take too: an alert raised after a revocation commits is
 * delivered to that clinic no more, and one decided before it was delivered under the consent that stood.
 */
@ApplicationScoped
public class ConsentService {

    private static final String APP = Role.APP.name().toLowerCase(Locale.ROOT);

    private final ConsumedEvents consumed;
    private final Consents consents;
    private final AuditLog audit;
    private final KnownUsers users;
    private final ApiKeys keys;

    public ConsentService(ConsumedEvents consumed, Consents consents, AuditLog audit, KnownUsers users, ApiKeys keys) {
        this.consumed = consumed;
        this.consents = consents;
        this.audit = audit;
        this.users = users;
        this.keys = keys;
    }

    /**
     * A batch of changes in one transaction, in the order received. Its users are locked first, in the order alert
     * batches lock them, so the two never deadlock.
     */
    public Uni<Void> apply(List<Item<ConsentChanged>> batch) {
        List<Map.Entry<String, String>> changed = batch.stream()
                .map(item -> Map.entry(item.event().appId(), item.event().userId())).toList();
        return Panache.withTransaction(() -> users.remember(changed)
                .flatMap(remembered -> users.lockAll(changed))
                .flatMap(locked -> consumed.takeEffectOnce(batch,
                        change -> new EventId(change.appId(), change.eventId()), this::record)));
    }

    /**
     * Ends every consent still standing for the clinic, each a revocation audited as the operator's, in the current
     * Panache transaction; users are locked in one order, so this never deadlocks with alert decisions.
     *
     * @return the consents ended
     */
    public Uni<Integer> endAll(String clinicId, Caller operator) {
        return consents.standingFor(clinicId).flatMap(standing -> {
            List<Map.Entry<String, String>> consenting = standing.stream()
                    .map(consent -> Map.entry(consent.appId(), consent.userId())).toList();
            Uni<Integer> ended = users.remember(consenting).flatMap(remembered -> users.lockAll(consenting))
                    .replaceWith(0);
            for (Consenting consent : standing) {
                String appId = consent.appId();
                String userId = consent.userId();
                ended = ended.flatMap(count -> consents.end(appId, userId, clinicId)
                        // A revocation the user made meanwhile already ended it.
                        .flatMap(stood -> !stood ? Uni.createFrom().item(count)
                                : consents.freeze(appId, userId, clinicId)
                                        .flatMap(frozen -> audit.record(operator, "consent.revoked",
                                                subject(userId, clinicId), "app " + appId + ", clinic offboarded"))
                                        .replaceWith(count + 1)));
            }
            return ended;
        });
    }

    private Uni<Void> record(ConsentChanged c) {
        String subject = subject(c.userId(), c.clinicId());
        if (!keys.clinicIds().contains(c.clinicId())) {
            // Intake refuses these; one that arrives anyway (a replay, an older intake) is recorded and changes nothing.
            return audit.record(APP, c.appId(), "consent.unknown-clinic", subject,
                    "event " + c.eventId() + ", not a clinic of this deployment: nothing is delivered");
        }
        // The user is remembered and locked: apply did it for the batch.
        return (c.granted() ? consents.addClinic(c.clinicId()) : consents.freeze(c.appId(), c.userId(), c.clinicId()))
                .flatMap(done -> consents.change(c))
                .flatMap(done -> audit.record(APP, c.appId(), c.granted() ? "consent.granted" : "consent.revoked",
                        subject, "event " + c.eventId() + ", changed at " + c.changedAt()));
    }

    private static String subject(String userId, String clinicId) {
        return "user " + userId + " clinic " + clinicId;
    }
}
