package dev.dermaguard.notify.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.dermaguard.notify.config.ClinicStreamConfig;
import dev.dermaguard.notify.repository.Deliveries;
import dev.dermaguard.notify.repository.Deliveries.ClinicAlert;
import dev.dermaguard.notify.repository.SessionContext;

/**
 * Live clinic streams on every instance. The transaction that delivers an alert to a clinic fires a PostgreSQL
 * NOTIFY when it commits (a trigger on clinic_alert), which reaches the LISTEN of every instance, whichever one
 * raised the alert; each instance then reads what its subscribers of that clinic have not been sent, by cursor.
 * The database is the source of every event sent, so a stream resumed from a cursor misses nothing and a lost
 * notification (while the listener reconnects) only delays delivery until the next sweep. A stream reads only as
 * many alerts as its client has asked for (the HTTP layer asks for the next once the previous is written), so a
 * slow client or a resume from cursor 0 holds one page at most, never the history.
 * <p>
 * Reads go through Panache sessions like every other read; LISTEN alone has a connection of its own
 * ({@link PgSubscriber}): a notification reaches only the connection that listens, and it must stay open for as
 * long as the instance runs, which no pooled or Hibernate session connection does.
 */
@ApplicationScoped
public class ClinicStreams {

    /** What a stream sends. */
    public sealed interface StreamEvent {
    }

    public record Delivered(ClinicAlert alert) implements StreamEvent {
    }

    /** Keeps an idle connection open through proxies and tells the client the stream is alive. */
    public record Heartbeat() implements StreamEvent {
    }

    /**
     * The resume cursor is older than what is kept: the deliveries after {@code lastEventId} and before
     * {@code oldestKept} expired and will not be sent.
     */
    public record Gap(long lastEventId, long oldestKept) implements StreamEvent {
    }

    /** Refused: the clinic, or this instance, holds as many open streams as configured. */
    public static final class TooManyStreamsException extends RuntimeException {
        TooManyStreamsException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Logger LOG = Logger.getLogger(ClinicStreams.class);
    private static final String DELIVERED = "clinic_alert";
    public static final String OFFBOARDED = "clinic_offboarded";
    private static final Duration SWEEP = Duration.ofSeconds(5);

    private final Deliveries deliveries;
    private final Vertx vertx;
    private final ClinicStreamConfig config;
    private final PgSubscriber listener;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Integer> openPerClinic = new ConcurrentHashMap<>();
    private int open;
    private long sweep = -1;

    public ClinicStreams(Deliveries deliveries, Vertx vertx, ClinicStreamConfig config, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
        this.deliveries = deliveries;
        this.vertx = vertx;
        this.config = config;
        // Not the pool: LISTEN needs one connection held open for the instance's life (see the class comment).
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user);
        password.ifPresent(options::setPassword);
        this.listener = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 500L);
        metrics.gauge("dermaguard.notify.clinic.streams.open", this, ClinicStreams::openStreams);
    }

    private synchronized double openStreams() {
        return open;
    }

    void start(@Observes StartupEvent startup) {
        listener.channel(DELIVERED)
                .handler(clinicId -> subscribers.getOrDefault(clinicId, Set.of()).forEach(Subscriber::wake))
                // Also after a reconnect: whatever was notified meanwhile is read now.
                .subscribeHandler(subscribed -> wakeAll());
        listener.channel(OFFBOARDED)
                .handler(clinicId -> subscribers.getOrDefault(clinicId, Set.of()).forEach(Subscriber::close));
        listener.connect().onFailure(e -> LOG.warnf("Cannot listen for clinic alerts yet: %s", e.getClass().getName()));
        sweep = vertx.setPeriodic(SWEEP.toMillis(), tick -> wakeAll());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        vertx.cancelTimer(sweep);
        listener.close();
    }

    /**
     * The clinic's alerts after the cursor {@code from} yields (it opens its own Panache session, and is called on
     * the context it will run on), from the database, then live ones as they commit;
     * first a {@link Gap} if some after that cursor expired. Throws {@link TooManyStreamsException} at once when the
     * clinic or this instance has no stream to spare.
     */
    public Multi<StreamEvent> follow(String clinicId, Supplier<Uni<Long>> from) {
        reserve(clinicId);
        AtomicBoolean released = new AtomicBoolean();
        return SessionContext.run(vertx, () -> from.get().flatMap(cursor -> Panache.withSession(
                        () -> deliveries.oldestKept(clinicId)).map(oldest -> new long[] {cursor, oldest})))
                .onItem().transformToMulti(start -> {
                    long cursor = start[0];
                    long oldest = start[1];
                    Multi<StreamEvent> live = Multi.createFrom().emitter(emitter -> subscribe(clinicId,
                            Math.max(cursor, oldest - 1), emitter));
                    return oldest > cursor + 1
                            ? Multi.createBy().concatenating().streams(Multi.createFrom().item(new Gap(cursor, oldest)), live)
                            : live;
                })
                .onTermination().invoke(() -> {
                    if (released.compareAndSet(false, true)) {
                        release(clinicId);
                    }
                });
    }

    private synchronized void reserve(String clinicId) {
        int ofClinic = openPerClinic.getOrDefault(clinicId, 0);
        if (ofClinic >= config.maxPerClinic()) {
            throw new TooManyStreamsException("This clinic has " + ofClinic + " open streams, the most allowed");
        }
        if (open >= config.maxPerInstance()) {
            throw new TooManyStreamsException("This instance serves as many streams as it may; retry later");
        }
        openPerClinic.put(clinicId, ofClinic + 1);
        open++;
    }

    private synchronized void release(String clinicId) {
        openPerClinic.computeIfPresent(clinicId, (id, count) -> count == 1 ? null : count - 1);
        open--;
    }

    private void subscribe(String clinicId, long cursor, MultiEmitter<? super StreamEvent> emitter) {
        Subscriber subscriber = new Subscriber(clinicId, cursor, emitter);
        Set<Subscriber> ofClinic = subscribers.computeIfAbsent(clinicId, id -> ConcurrentHashMap.newKeySet());
        ofClinic.add(subscriber);
        long heartbeat = vertx.setPeriodic(config.heartbeat().toMillis(), tick -> subscriber.heartbeat());
        emitter.onTermination(() -> {
            vertx.cancelTimer(heartbeat);
            ofClinic.remove(subscriber);
        });
        emitter.onRequest(requested -> subscriber.wake());
        subscriber.wake();
    }

    private void wakeAll() {
        subscribers.values().forEach(ofClinic -> ofClinic.forEach(Subscriber::wake));
    }

    /**
     * One open stream: reads from its last sent cursor, one read at a time and no more than its client asked for,
     * again if woken (a delivery, a request) meanwhile.
     */
    private final class Subscriber {

        private final String clinicId;
        private final MultiEmitter<? super StreamEvent> emitter;
        private final AtomicBoolean reading = new AtomicBoolean();
        private volatile boolean woken;
        private volatile long lastSent;

        Subscriber(String clinicId, long cursor, MultiEmitter<? super StreamEvent> emitter) {
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

        void heartbeat() {
            // Without demand the client is not reading; a comment would only queue up.
            if (emitter.requested() > 0) {
                emit(new Heartbeat());
            }
        }

        /** Ends the stream at once (the clinic was offboarded), whatever its client still had to read. */
        synchronized void close() {
            emitter.complete();
        }

        /** Timers, notifications and reads complete on different threads; a stream takes one item at a time. */
        private synchronized void emit(StreamEvent event) {
            emitter.emit(event);
        }

        private void read() {
            long wanted = Math.min(emitter.requested(), config.page());
            if (wanted <= 0 || emitter.isCancelled()) {
                reading.set(false);
                // A request that came after requested() was read would otherwise wait for the next wake.
                if (emitter.requested() > 0 && !emitter.isCancelled() && reading.compareAndSet(false, true)) {
                    read();
                }
                return;
            }
            woken = false;
            long after = lastSent;
            // Woken by a timer, a notification or the client: on a context of its own where it has none.
            SessionContext.run(vertx, () -> Panache.withSession(
                            () -> deliveries.ofClinicAfter(clinicId, after, (int) wanted)))
                    .subscribe().with(page -> send(page, wanted),
                    failure -> {
                        LOG.warnf("Reading clinic alerts for a stream failed, retrying at the next wake: %s",
                                failure.getClass().getName());
                        reading.set(false);
                    });
        }

        private void send(List<ClinicAlert> page, long wanted) {
            for (ClinicAlert alert : page) {
                if (emitter.isCancelled()) {
                    return;
                }
                emit(new Delivered(alert));
                lastSent = alert.cursor();
            }
            if (page.size() == wanted || woken) {
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
