package dev.dermaguard.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import dev.dermaguard.testsupport.fuzz.DevKeys;

/**
 * An open-loop stream of sessions and symptom check-ins for many users, each history built so that its alerts are
 * known in advance. Of every four users, two log two 0.5 mm sessions on their cheeks a day apart (one
 * HEALING_GAP), one a session and a day later a check-in with pus (one INFECTION_SIGNS), one a session and an
 * all-clear check-in (no alert). With {@code consenting}, each user first consents to demo-clinic, so every alert
 * goes to that clinic's topic too (consents are set-up: they are neither counted as sent nor assessed). DESIGN.md
 * sends a clinic what is raised while consent stands, consents applied as processed, so the user's sessions wait
 * until notify-service knows the user: its read of the user's alerts answers 200 instead of 404.
 * New users start at the stream's rate whatever the services answer; a user's next event goes once the previous
 * is accepted, so each user's events reach risk-service in order and no arrival re-judges another. An event that
 * is not accepted (intake down, 503) is sent again, same id, until it is.
 */
final class Stream {

    /** An app that posts: its id and its development key. */
    record App(String appId, String apiKey) {
    }

    static final App DEMO_APP = new App("demo-app", DevKeys.APP);
    static final App OTHER_APP = new App("other-app", DevKeys.APP2);

    /**
     * @param userPrefix every user id starts with it
     * @param eventsPerSecond the rate, in events, whatever the answers
     * @param apps who posts each event: two apps post the same event ids (colliding ids, distinct identities)
     * @param copies how many times each app posts each event at once
     */
    record Settings(String userPrefix, int eventsPerSecond, List<App> apps, int copies, boolean consenting) {
    }

    /** The clinic consenting users share their alerts with. */
    static final String CLINIC = "demo-clinic";
    private static final double EVENTS_PER_USER = 2;
    private static final int SENDERS = 48;
    private static final int ASKERS = 8;
    private static final Duration TICK = Duration.ofMillis(20);
    /**
     * Waits before a post is sent again, or notify-service asked again whether a consent was applied: the first,
     * doubled up to the last. Every read of alerts is audited, and hundreds of users asking four times a second kept
     * a freshly restarted notify-service (cold JIT) from applying the very consents they waited for.
     */
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);
    /** Past this the sessions go anyway, and an alert the clinic then misses fails the scenario. */
    private static final Duration CONSENT_WAIT = Duration.ofSeconds(30);
    private static final String AREA = "CHEEKS";

    private final String intakeUrl;
    private final String notifyUrl;
    private final Settings settings;
    private final HttpClient http;
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    /**
     * The apps' connections: a bounded number of requests in flight, the rest wait their turn, so an intake that
     * comes back meets a queue (as it would from real apps) rather than every waiting request at once.
     */
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    /**
     * Ask notify-service whether consents were applied: apart from the senders, so a crowd of waiting users never
     * holds up the posts of the others, and never more than this many reads at once.
     */
    private final ExecutorService askers = Executors.newFixedThreadPool(ASKERS);
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> expectedAlerts = ConcurrentHashMap.newKeySet();
    /** Users whose history is not yet all accepted (or refused). */
    private final AtomicInteger unfinished = new AtomicInteger();
    private final OffsetDateTime firstDay = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusDays(3);
    private volatile boolean starting = true;
    private long startedAt;

    Stream(String intakeUrl, String notifyUrl, Settings settings, HttpClient http) {
        this.intakeUrl = intakeUrl;
        this.notifyUrl = notifyUrl;
        this.settings = settings;
        this.http = http;
    }

    void start() {
        startedAt = System.nanoTime();
        clock.scheduleAtFixedRate(this::startDueUsers, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts no more users and waits (bounded) until every user's history is accepted or refused. */
    boolean stop(Duration within) throws InterruptedException {
        starting = false;
        long deadline = System.nanoTime() + within.toNanos();
        while (unfinished.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        clock.shutdownNow();
        senders.shutdownNow();
        askers.shutdownNow();
        return unfinished.get() == 0;
    }

    long sent() {
        return sent.get();
    }

    long acceptedCount() {
        return accepted.size();
    }

    long unfinished() {
        return unfinished.get();
    }

    long rejected() {
        return rejected.get();
    }

    Ledger.Plan plan(long poisonInjected) {
        return new Ledger.Plan(sent.get(), Set.copyOf(accepted), Set.copyOf(expectedAlerts), poisonInjected);
    }

    private void startDueUsers() {
        if (!starting) {
            return;
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        int due = (int) (seconds * settings.eventsPerSecond() / EVENTS_PER_USER);
        while (users.get() < due) {
            startUser(users.getAndIncrement());
        }
    }

    private void startUser(int n) {
        String user = settings.userPrefix() + n;
        int kind = n % 4;
        String rule = kind < 2 ? "HEALING_GAP" : kind == 2 ? "INFECTION_SIGNS" : null;
        if (rule != null) {
            settings.apps().forEach(app -> expectedAlerts.add(app.appId() + "/" + user + "/" + rule + "/" + AREA));
        }
        unfinished.incrementAndGet();
        CompletableFuture<Void> history = settings.consenting()
                ? post(consent(user)).thenCompose(consented -> applied(user)).thenCompose(known -> post(session(user, firstDay)))
                : post(session(user, firstDay));
        OffsetDateTime nextDay = firstDay.plusDays(1);
        Event next = kind < 2 ? session(user, nextDay) : checkIn(user, nextDay, kind == 2 ? "[\"PUS\"]" : "[]");
        history = history.thenCompose(first -> post(next));
        history.whenComplete((done, error) -> unfinished.decrementAndGet());
    }

    /** An event to post: {@code assessed} for sessions and check-ins, which risk-service must judge; not consents. */
    private record Event(String path, UUID id, String body, boolean assessed) {
    }

    private static Event session(String user, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        return new Event("/v1/sessions", id, """
                {"eventId":"%s","userId":"%s","performedAt":"%s","area":"%s","needleDepthMm":0.5,"device":"ROLLER"}
                """.formatted(id, user, at, AREA), true);
    }

    private static Event checkIn(String user, OffsetDateTime at, String symptoms) {
        UUID id = UUID.randomUUID();
        return new Event("/v1/check-ins", id, """
                {"eventId":"%s","userId":"%s","reportedAt":"%s","area":"%s","symptoms":%s}
                """.formatted(id, user, at, AREA, symptoms), true);
    }

    private Event consent(String user) {
        UUID id = UUID.randomUUID();
        return new Event("/v1/consents", id, """
                {"eventId":"%s","userId":"%s","clinicId":"%s","granted":true,"changedAt":"%s"}
                """.formatted(id, user, CLINIC, firstDay.minusDays(1)), false);
    }

    /** Every app posts the event, each {@code copies} times at once; completes when every post is answered for good. */
    private CompletableFuture<Void> post(Event event) {
        if (event.assessed()) {
            sent.addAndGet(settings.apps().size());
        }
        return CompletableFuture.allOf(settings.apps().stream()
                .flatMap(app -> IntStream.range(0, settings.copies()).mapToObj(copy -> {
                    CompletableFuture<Void> answered = new CompletableFuture<>();
                    senders.execute(() -> attempt(app, event, FIRST_RETRY, answered));
                    return answered;
                }))
                .toArray(CompletableFuture[]::new));
    }

    /** Completes once notify-service knows the user for every app (a consent applied), or after CONSENT_WAIT. */
    private CompletableFuture<Void> applied(String user) {
        long deadline = System.nanoTime() + CONSENT_WAIT.toNanos();
        return CompletableFuture.allOf(settings.apps().stream().map(app -> {
            CompletableFuture<Void> known = new CompletableFuture<>();
            askers.execute(() -> askKnown(app, user, deadline, FIRST_RETRY, known));
            return known;
        }).toArray(CompletableFuture[]::new));
    }

    private void askKnown(App app, String user, long deadline, Duration askAgainAfter, CompletableFuture<Void> known) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl + "/v1/users/" + user + "/alerts?limit=1"))
                .timeout(Duration.ofSeconds(10)).header("X-API-Key", app.apiKey()).GET().build();
        try {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                    || System.nanoTime() > deadline) {
                known.complete(null);
                return;
            }
        } catch (IOException e) {
            // notify-service is restarting: ask again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            known.cancel(false);
            return;
        }
        clock.schedule(() -> askers.execute(() -> askKnown(app, user, deadline, doubled(askAgainAfter), known)),
                askAgainAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(App app, Event event, Duration retryAfter, CompletableFuture<Void> answered) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl + event.path())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-API-Key", app.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(event.body())).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answered.cancel(false);
            return;
        }
        if (status == 202) {
            if (event.assessed()) {
                accepted.add(app.appId() + "/" + event.id());
            }
            answered.complete(null);
        } else if (status >= 400 && status < 500 && status != 429) {
            rejected.incrementAndGet();
            answered.complete(null);
        } else {
            // Down, overloaded or cut off mid-answer: the same event again later, as an app would.
            clock.schedule(() -> senders.execute(() -> attempt(app, event, doubled(retryAfter), answered)),
                    retryAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration doubled(Duration wait) {
        return wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
    }
}
