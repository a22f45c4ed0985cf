package dev.dermaguard.infra;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A process this JVM started. Its output goes through this JVM, line by line, into a log file, so a caller can
 * react to a line (a server saying it started) without polling the file.
 */
final class ChildProcess {

    private static final int TAIL_LINES = 40;
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;
    /** The exit code, once the process has ended and all its output is in the log. */
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts a JVM with the same java binary as this one, in the folder of its log, appending to that log. */
    static ChildProcess startJava(String name, List<String> arguments, Map<String, String> environment, Path log,
                                  Consumer<String> lineListener) {
        return startJava(name, arguments, environment, log.getParent(), log, lineListener);
    }

    /** Starts a JVM with the same java binary as this one, in {@code directory}, appending to its log. */
    static ChildProcess startJava(String name, List<String> arguments, Map<String, String> environment,
                                  Path directory, Path log, Consumer<String> lineListener) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            // A restart appends to the same log: the marker tells one run from the next.
            Files.writeString(log, "--- " + name + " started at " + Instant.now() + " ---" + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ChildProcess child = new ChildProcess(name, builder.start(), log);
            Thread copier = new Thread(() -> child.copyOutput(lineListener), name + "-output");
            copier.setDaemon(true);
            copier.start();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    CompletableFuture<Integer> finished() {
        return finished;
    }

    Path log() {
        return log;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, so the process can shut down cleanly; SIGKILL if it has not ended within the grace period. */
    long pid() {
        return process.pid();
    }

    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        // Through the handle: Process.destroy() would also close the pipe, losing what the process says as it stops.
        process.toHandle().destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!awaitFinished(grace)) {
            kill();
        }
    }

    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (!awaitFinished(KILL_WAIT)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not end after SIGKILL");
        }
    }

    private boolean awaitFinished(Duration timeout) {
        return finished.copy().completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).join() != null;
    }

    private void copyOutput(Consumer<String> lineListener) {
        try (BufferedReader output = process.inputReader();
             BufferedWriter out = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                lineListener.accept(line);
            }
        } catch (IOException e) {
            // The pipe breaks when the process is killed: there is nothing more to copy.
        } finally {
            finished.complete(process.onExit().join().exitValue());
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
