package dev.dermaguard.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One DermaGuard service running from its packaged jar in a JVM of its own. */
final class Service {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    /** Generous: three services booting at once on a busy two-core machine took more than 90 s. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final HttpClient HTTP = Http11.builder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final String maxHeap;
    private final List<String> extraJvmOptions;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private ChildProcess process;

    Service(String name, Path jar, String maxHeap, List<String> extraJvmOptions, int port,
            Map<String, String> environment, Path log) {
        this.name = name;
        this.jar = jar;
        this.maxHeap = maxHeap;
        this.extraJvmOptions = extraJvmOptions;
        this.port = port;
        this.environment = environment;
        this.log = log;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Launches the JVM; {@link #ready()} tells when it serves. */
    synchronized void start() {
        if (process != null && !process.finished().isDone()) {
            throw new IllegalStateException(name + " runs already");
        }
        // In the jar's folder: the archive names the jar as it was written, relative to it.
        process = ChildProcess.startJava(name, jvmOptions(), environment, jar.getParent(), log, line -> { });
    }

    /**
     * The serial collector, the leanest on two cores and a small heap, and the class-data archive that
     * {@code mvn package} writes beside the jar ({@code quarkus.package.jar.appcds.enabled}, the parent POM): its
     * classes are mapped, not loaded and verified again at every start. A JVM other than the one that wrote the
     * archive ignores it ({@code -Xshare:auto}) and starts as it would without.
     */
    private List<String> jvmOptions() {
        // The name tells the process apart in ps and to bench/run.sh: its jar is named relative to its folder.
        List<String> options = new ArrayList<>(List.of("-Ddermaguard.service=" + name, "-Xmx" + maxHeap,
                "-XX:+UseSerialGC", "-Xshare:auto"));
        if (Files.isRegularFile(jar.resolveSibling("app-cds.jsa"))) {
            options.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        options.addAll(extraJvmOptions);
        options.addAll(List.of("-jar", jar.getFileName().toString()));
        return options;
    }

    /**
     * Completes once the service answers 200 on /q/health/ready; fails, with the tail of its log, when it exits
     * first or takes longer than 180 s.
     */
    synchronized CompletableFuture<Void> ready() {
        return poll(process, Instant.now().plus(READY_TIMEOUT), new Stopwatch());
    }

    /** SIGTERM and a clean shutdown, or with {@code kill} SIGKILL, as a crash would end it. */
    synchronized void stop(boolean kill) {
        if (process == null) {
            return;
        }
        if (kill) {
            process.kill();
        } else {
            process.stop(STOP_GRACE);
        }
    }

    private CompletableFuture<Void> poll(ChildProcess running, Instant deadline, Stopwatch starting) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null && response.statusCode() == 200)
                .thenCompose(ready -> {
                    if (ready) {
                        LOG.info("{} ready at {} in {} ms", name, url(), starting.millis());
                        return CompletableFuture.completedFuture(null);
                    }
                    if (running.finished().isDone()) {
                        return failure(running, "exited with code " + running.finished().join() + " before it was ready");
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return failure(running, "did not answer 200 on /q/health/ready within " + READY_TIMEOUT.toSeconds() + " s");
                    }
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(next -> poll(running, deadline, starting));
                });
    }

    private CompletableFuture<Void> failure(ChildProcess running, String why) {
        return CompletableFuture.failedFuture(new IllegalStateException(
                name + " " + why + "; last lines of " + log + ":\n" + running.logTail()));
    }
}
