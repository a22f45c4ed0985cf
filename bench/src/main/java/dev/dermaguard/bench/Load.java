package dev.dermaguard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.dermaguard.contract.auth.DevelopmentKeys;

/**
 * Drives intake open-loop: requests leave on a fixed schedule whatever intake answers, and each event's latency
 * counts from its scheduled time, so a stall shows in the tail instead of slowing the sender (coordinated omission).
 * Requests in flight are capped; past the cap the schedule slips, which the achieved rate shows.
 */
final class Load {

    static final String SINGLE = "single";
    static final String BATCH = "batch";
    static final int BATCH_SIZE = 100;
    private static final int MAX_IN_FLIGHT = 256;
    private static final Duration LAG_EVERY = Duration.ofMillis(250);

    private final URI single;
    private final URI batch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Observer observer;
    private final Probes probes;
    /** The trial before: the next one starts once its events are all assessed. */
    private Trial last;

    Load(String intakeUrl, Observer observer, Probes probes) {
        this.single = URI.create(intakeUrl + "/v1/sessions");
        this.batch = URI.create(intakeUrl + "/v1/sessions/batch");
        this.observer = observer;
        this.probes = probes;
    }

    /**
     * Offers {@code eventsPerSecond} for {@code duration}, in single posts or batches of {@link #BATCH_SIZE}, then
     * waits up to {@code settle} for every assessment and alert.
     */
    Trial run(String mode, Mix mix, double eventsPerSecond, Duration duration, Duration settle)
            throws InterruptedException {
        quiet(settle.multipliedBy(10));
        int perRequest = mode.equals(BATCH) ? BATCH_SIZE : 1;
        Trial trial = new Trial(mode, eventsPerSecond);
        last = trial;
        observer.follow(trial);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        trial.startedNanos = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> sample(trial), 0, LAG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            long interval = (long) (1e9 * perRequest / eventsPerSecond);
            long requests = Math.max(1, duration.toNanos() / interval);
            long n = 0;
            for (long k = 0; k < requests; k++) {
                long due = trial.startedNanos + k * interval;
                LockSupport.parkNanos(due - System.nanoTime());
                List<Mix.Event> events = new ArrayList<>(perRequest);
                for (int i = 0; i < perRequest; i++) {
                    events.add(mix.event(n++));
                }
                inFlight.acquire();
                post(trial, events, due, mode.equals(BATCH), inFlight);
            }
            trial.sendingEnded(System.nanoTime() + interval);
            inFlight.acquire(MAX_IN_FLIGHT);
            inFlight.release(MAX_IN_FLIGHT);
        } finally {
            // Lag is judged while the load is offered; once it stops, lag falls whatever the capacity.
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        awaitSettled(trial, settle);
        return trial;
    }

    /**
     * Posts {@code count} events as fast as intake takes them (batches, four in flight), then waits up to
     * {@code settle} for their assessments: the drain rate of a backlog, the pipeline's capacity.
     */
    Trial backlog(Mix mix, int count, Duration settle) throws InterruptedException {
        quiet(settle);
        Trial trial = new Trial("backlog", 0);
        last = trial;
        observer.follow(trial);
        Semaphore inFlight = new Semaphore(4);
        trial.startedNanos = System.nanoTime();
        for (long n = 0; n < count; n += BATCH_SIZE) {
            List<Mix.Event> events = new ArrayList<>();
            for (long i = n; i < Math.min(count, n + BATCH_SIZE); i++) {
                events.add(mix.event(i));
            }
            inFlight.acquire();
            post(trial, events, System.nanoTime(), true, inFlight);
        }
        trial.sendingEnded(System.nanoTime());
        inFlight.acquire(4);
        awaitSettled(trial, settle);
        return trial;
    }

    private void post(Trial trial, List<Mix.Event> events, long scheduled, boolean asBatch, Semaphore inFlight) {
        events.forEach(event -> trial.track(event.eventId(), scheduled, event.alerting()));
        String body = asBatch ? "[" + String.join(",", events.stream().map(Mix.Event::json).toList()) + "]"
                : events.get(0).json();
        HttpRequest request = HttpRequest.newBuilder(asBatch ? batch : single).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-API-Key", DevelopmentKeys.APP.key())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        trial.requests.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 202) {
                trial.accepted.addAndGet(events.size());
            } else {
                trial.failedRequests.incrementAndGet();
                // Never accepted: not waited for.
                events.forEach(event -> trial.events.remove(event.eventId()));
            }
            inFlight.release();
        });
    }

    private void quiet(Duration within) throws InterruptedException {
        if (last != null) {
            awaitSettled(last, within);
            if (last.unassessed() > 0) {
                System.out.printf("        %d events of the trial before still not assessed after %d s more;"
                        + " the next figures include that backlog%n", last.unassessed(), within.toSeconds());
            }
        }
    }

    private void sample(Trial trial) {
        try {
            trial.lag(new LagTrend.Sample((System.nanoTime() - trial.startedNanos) / 1e9, trial.unassessed()));
            probes.memory();
        } catch (RuntimeException e) {
            // A sample missed: the trend is fitted to the others.
        }
    }

    private static void awaitSettled(Trial trial, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        while (!trial.settled() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
