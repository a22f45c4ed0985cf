package dev.dermaguard.notify.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.notify.repository.Deliveries;
import dev.dermaguard.notify.repository.Deliveries.ClinicAlert;

/**
 * Live clinic streams on every instance. The transaction that delivers an alert to a clinic fires a PostgreSQL
 * NOTIFY when it commits (a trigger on clinic_alert), which reaches the LISTEN of every instance, whichever one
 * raised the alert; each instance then reads what its subscribers of that clinic have not been sent, by cursor.
 * The database is the source of every event sent, so a stream resumed from a cursor misses nothing and a lost
 * notification (while the listener reconnects) only delays delivery until the next sweep.
 */
@ApplicationScoped
public class ClinicStreams {

    private static final Logger LOG = Logger.getLogger(ClinicStreams.class);
    private static final String CHANNEL = "clinic_alert";
    private static final int PAGE = 200;
    private static final Duration SWEEP = Duration.ofSeconds(5);

    private final Deliveries deliveries;
    private final Vertx vertx;
    private final PgSubscriber listener;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private long sweep = -1;

    public ClinicStreams(Deliveries deliveries, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.deliveries = deliveries;
        this.vertx = vertx;
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user);
        password.ifPresent(options::setPassword);
        this.listener = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 500L);
    }

    void start(@Observes StartupEvent startup) {
        listener.channel(CHANNEL)
                .handler(clinicId -> wake(subscribers.getOrDefault(clinicId, Set.of())))
                // Also after a reconnect: whatever was notified meanwhile is read now.
                .subscribeHandler(subscribed -> wakeAll());
        listener.connect().onFailure(e -> LOG.warnf("Cannot listen for clinic alerts yet: %s", e.getClass().getName()));
        sweep = vertx.setPeriodic(SWEEP.toMillis(), tick -> wakeAll());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(sweep);
        listener.close();
    }

    /** The clinic's alerts after {@code cursor} from the database, then live ones as they commit. */
    public Multi<ClinicAlert> follow(String clinicId, long cursor) {
        return Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber(clinicId, cursor, emitter);
            Set<Subscriber> ofClinic = subscribers.computeIfAbsent(clinicId, id -> ConcurrentHashMap.newKeySet());
            ofClinic.add(subscriber);
            emitter.onTermination(() -> ofClinic.remove(subscriber));
            subscriber.wake();
        });
    }

    private void wakeAll() {
        subscribers.values().forEach(ClinicStreams::wake);
    }

    private static void wake(Set<Subscriber> ofClinic) {
        ofClinic.forEach(Subscriber::wake);
    }

    /** One open stream: reads from its last sent cursor, one read at a time, again if woken meanwhile. */
    private final class Subscriber {

        private final String clinicId;
        private final MultiEmitter<? super ClinicAlert> emitter;
        private final AtomicBoolean reading = new AtomicBoolean();
        private volatile boolean woken;
        private volatile long lastSent;

        Subscriber(String clinicId, long cursor, MultiEmitter<? super ClinicAlert> emitter) {
            this.clinicId = clinicId;
            this.lastSent = cursor;
            this.emitter = emitter;
        }

        void wake() {
            woken = true;
            if (reading.compareAndSet(false, true)) {
                read();
            }
        }

        private void read() {
            woken = false;
            deliveries.ofClinicAfter(clinicId, lastSent, PAGE).subscribe().with(this::send, failure -> {
                LOG.warnf("Reading clinic alerts for a stream failed, retrying at the next wake: %s",
                        failure.getClass().getName());
                reading.set(false);
            });
        }

        private void send(List<ClinicAlert> page) {
            for (ClinicAlert alert : page) {
                if (emitter.isCancelled()) {
                    return;
                }
                emitter.emit(alert);
                lastSent = alert.cursor();
            }
            if (page.size() == PAGE || woken) {
                read();
                return;
            }
            reading.set(false);
            if (woken && reading.compareAndSet(false, true)) {
                read();
            }
        }
    }
}
