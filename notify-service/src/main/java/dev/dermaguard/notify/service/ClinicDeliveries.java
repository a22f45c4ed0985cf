package dev.dermaguard.notify.service;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.support.auth.ApiKeys;
import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.support.kafka.ConsumerRetry;
import dev.dermaguard.contract.kafka.RecordKeys;
import dev.dermaguard.notify.repository.Consents;
import dev.dermaguard.notify.repository.Deliveries;
import dev.dermaguard.outbox.Outbox;

/**
 * Sends an alert to every clinic of this deployment whose consent stands in the raising transaction (which holds the
 * user's lock, so no consent change interleaves): a row per clinic with the clinic's next cursor (what its HTTP
 * reads and streams serve, and the record of who was sent what) and a copy for its topic through the outbox.
 */
@ApplicationScoped
public class ClinicDeliveries {

    private final Consents consents;
    private final Deliveries deliveries;
    private final Outbox outbox;
    private final ApiKeys keys;

    private final Counter delivered;

    public ClinicDeliveries(Consents consents, Deliveries deliveries, Outbox outbox, ApiKeys keys, MeterRegistry metrics) {
        this.consents = consents;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.keys = keys;
        this.delivered = Counter.builder("dermaguard.notify.clinic.deliveries")
                .description("Alerts delivered to a clinic (its topic, reads and streams), one per clinic")
                .register(metrics);
    }

    /** Must run in the raising transaction, after the alert row is written; returns how many clinics it reached. */
    public Uni<Integer> deliver(AlertRaised alert) {
        return consents.clinicsOf(alert.appId(), alert.userId())
                .flatMap(consenting -> {
                    // A clinic whose key was removed (offboarded) is no recipient, whatever consent remains.
                    List<String> clinics = consenting.stream().filter(keys.clinicIds()::contains).toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String clinic : clinics) {
                        chain = chain.flatMap(done -> deliver(alert, clinic));
                    }
                    ConsumerRetry.onceProcessed(() -> delivered.increment(clinics.size()));
                    return chain.replaceWith(clinics.size());
                });
    }

    private Uni<Void> deliver(AlertRaised alert, String clinic) {
        return deliveries.deliver(clinic, alert.alertId())
                .flatMap(written -> outbox.enqueue(Topics.clinicAlerts(clinic), RecordKeys.of(alert.appId(),
                        alert.userId()), alert.alertId(), EventTypes.ALERT_RAISED, alert.forClinic(clinic)));
    }
}
