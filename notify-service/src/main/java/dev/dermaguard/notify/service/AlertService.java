package dev.dermaguard.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.support.kafka.ConsumerRetry;
import dev.dermaguard.support.kafka.EventCodec;
import dev.dermaguard.support.kafka.RecordBatches.Item;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.notify.audit.AuditLog;
import dev.dermaguard.notify.policy.AlertPolicy;
import dev.dermaguard.notify.policy.AlertPolicy.Decision;
import dev.dermaguard.notify.policy.AlertPolicy.FoldInto;
import dev.dermaguard.notify.policy.AlertPolicy.PriorAlert;
import dev.dermaguard.notify.policy.AlertPolicy.Raise;
import dev.dermaguard.notify.repository.Alerts;
import dev.dermaguard.notify.repository.KnownUsers;
import dev.dermaguard.notify.repository.RuleFirings;
import dev.dermaguard.notify.repository.StoredAlert;
import dev.dermaguard.outbox.ConsumedEvents;
import dev.dermaguard.outbox.ConsumedEvents.EventId;
import dev.dermaguard.outbox.Outbox;

/**
 * Turns the risks of an assessment into alerts by {@link AlertPolicy}. Everything is one transaction: the
 * consumed-event entry, the decision (taken under the user's lock), the alert row, its deliveries
 * to consenting clinics, their outgoing records and the audit entry. So a redelivered assessment, or two instances
 * deciding at once, never emit twice, and a crash loses nothing.
 */
@ApplicationScoped
public class AlertService {

    private final ConsumedEvents consumed;
    private final Outbox outbox;
    private final AlertTexts texts;
    private final AlertPolicy policy;
    private final ClinicDeliveries deliveries;
    private final AuditLog audit;
    private final KnownUsers users;
    private final Alerts alerts;
    private final RuleFirings ruleFirings;
    private final EventCodec codec;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public AlertService(ConsumedEvents consumed, Outbox outbox, AlertTexts texts, AlertPolicy policy,
            ClinicDeliveries deliveries, AuditLog audit, KnownUsers users, Alerts alerts, RuleFirings ruleFirings,
            EventCodec codec, MeterRegistry metrics) {
        this.consumed = consumed;
        this.outbox = outbox;
        this.texts = texts;
        this.policy = policy;
        this.deliveries = deliveries;
        this.audit = audit;
        this.users = users;
        this.alerts = alerts;
        this.ruleFirings = ruleFirings;
        this.codec = codec;
        this.metrics = metrics;
    }

    /**
     * The assessments of one poll, valid ones ({@link RiskAssessed}'s constraints), in one transaction, each user's in
     * the order received.
     */
    public Uni<Void> handle(List<Item<RiskAssessed>> batch) {
        Map<RiskAssessed, List<Risk>> firings = new IdentityHashMap<>();
        batch.forEach(item -> firings.put(item.event(), firingsOf(item.event())));
        return Panache.withTransaction(() -> users.remember(usersOf(batch.stream()))
                // The deciding users' locks first (in the one order every lock taker uses), as consent changes take
                // them: deliveries follow the consent that stands at commit, and decisions on a user never interleave.
                .flatMap(remembered -> users.lockAll(usersOf(batch.stream()
                        .filter(item -> !firings.get(item.event()).isEmpty()))))
                .flatMap(locked -> consumed.takeEffectOnce(batch,
                        assessment -> new EventId(assessment.appId(), assessment.assessmentId()),
                        assessment -> decideAll(assessment, firings.get(assessment)))));
    }

    private static List<Map.Entry<String, String>> usersOf(Stream<Item<RiskAssessed>> items) {
        return items.map(item -> Map.entry(item.event().appId(), item.event().userId())).toList();
    }

    /** The most severe finding of each alerting rule, in rule order. */
    private static List<Risk> firingsOf(RiskAssessed assessment) {
        BinaryOperator<Risk> moreSevere = (a, b) -> a.severity().compareTo(b.severity()) >= 0 ? a : b;
        Map<String, Risk> strongest = assessment.risks().stream()
                .filter(risk -> risk.severity().alerts())
                .collect(Collectors.toMap(risk -> risk.rule().name(), risk -> risk, moreSevere));
        return strongest.values().stream().sorted(Comparator.comparing(risk -> risk.rule().name())).toList();
    }

    /** Under the user's lock, which the batch took. */
    private Uni<Void> decideAll(RiskAssessed assessment, List<Risk> firings) {
        // In sequence: one reactive session runs one statement at a time.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Risk firing : firings) {
            chain = chain.flatMap(done -> decide(assessment, firing));
        }
        return chain;
    }

    /**
     * A re-judgement of an event (a late arrival before it) that finds what was already counted for that event, at
     * the same or a lower severity, is no new firing: it changes nothing. A higher severity is decided as usual.
     */
    private Uni<Void> decide(RiskAssessed a, Risk firing) {
        return ruleFirings.countedFor(a, firing)
                .flatMap(counted -> counted.stream().anyMatch(severity -> severity.compareTo(firing.severity()) >= 0)
                        ? Uni.createFrom().voidItem() : decideNew(a, firing));
    }

    private Uni<Void> decideNew(RiskAssessed a, Risk firing) {
        Instant firedAt = a.sourceEventAt().toInstant();
        Uni<Long> earlierFirings = ruleFirings.inWindow(a, firing, policy.repeatWindowStart(firedAt), firedAt);
        Uni<List<StoredAlert>> inCooldown = alerts.inCooldown(a.appId(), a.userId(), firing.rule(), a.area(),
                policy.cooldownStart(firedAt), policy.cooldownEnd(firedAt));
        return earlierFirings.flatMap(earlier -> inCooldown.flatMap(stored -> {
            List<PriorAlert> prior = stored.stream()
                    .map(alert -> new PriorAlert(alert.alertId, alert.severity, alert.sourceEventAt)).toList();
            Decision decision = policy.decide(firing.severity(), firedAt, clock.instant(), earlier.intValue() + 1, prior);
            return ruleFirings.record(a, firing, decision.getClass().getSimpleName())
                    .flatMap(done -> apply(a, firing, decision, stored));
        }));
    }

    private Uni<Void> apply(RiskAssessed a, Risk firing, Decision decision, List<StoredAlert> inCooldown) {
        Severity severity = decision instanceof Raise raise ? raise.severity() : firing.severity();
        // Rule and severity only: never the user, the app or the area.
        String counted = decision instanceof Raise ? "dermaguard.notify.alerts.raised" : "dermaguard.notify.alerts.suppressed";
        ConsumerRetry.onceProcessed(() -> metrics.counter(counted, "rule", firing.rule().name(),
                "severity", severity.name()).increment());
        if (decision instanceof Raise raise) {
            return raise(a, firing, raise.severity(), raise.escalated());
        }
        if (decision instanceof FoldInto fold) {
            // A managed entity: the change is written when the transaction commits.
            inCooldown.stream().filter(alert -> alert.alertId.equals(fold.alertId())).findFirst()
                    .orElseThrow().foldIn(a.sourceEventAt().toInstant());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> raise(RiskAssessed a, Risk firing, Severity severity, boolean escalated) {
        AlertTexts.Texts words = texts.of(firing.rule(), severity, a.area(), escalated, firing.evidence());
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), a.appId(), a.userId(), null, firing.rule(), severity,
                a.area(), words.summary(), words.message(), words.detail(), firing.evidence(), a.sourceEventId(),
                a.assessmentId(), escalated, 1, clock.instant(), a.ruleSetVersion());
        String key = RecordKeys.of(alert.appId(), alert.userId());
        return alerts.add(StoredAlert.of(alert, a.sourceEventAt(), codec.write(alert)))
                .flatMap(stored -> outbox.enqueue(Topics.ALERTS, key, alert.alertId(), EventTypes.ALERT_RAISED, alert))
                .flatMap(queued -> deliveries.deliver(alert))
                // The clinics themselves are in clinic_alert: a count keeps the entry short however many consent.
                .flatMap(clinics -> audit.record(AuditLog.SERVICE, AuditLog.SERVICE_ID, "alert.raised", "alert " + alert.alertId(),
                        "for app " + alert.appId() + " user " + alert.userId() + "; delivered to " + clinics + " clinics"));
    }
}
