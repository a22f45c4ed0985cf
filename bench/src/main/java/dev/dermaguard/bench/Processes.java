package dev.dermaguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The processes the stack runs, found by their command lines, and what /proc says of their memory. */
final class Processes {

    private Processes() {
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * A descendant of this JVM whose command line contains {@code marker}: a service's jar, Kafka's main class. Read
     * from /proc: ProcessHandle.Info leaves out the arguments of a command line as long as the broker's classpath.
     */
    static Optional<ProcessHandle> find(String marker) {
        return ProcessHandle.current().descendants()
                .filter(process -> process.isAlive() && commandLine(process).contains(marker))
                .findFirst();
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Resident memory in MB; 0 when the process is gone. */
    static long rssMb(ProcessHandle process) {
        try {
            return rssMb(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
        } catch (IOException e) {
            return 0;
        }
    }

    /** From /proc/PID/status: {@code VmRSS:   123456 kB}. */
    static long rssMb(String status) {
        return status.lines().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .mapToLong(kilobytes -> Long.parseLong(kilobytes) / 1024)
                .findFirst().orElse(0);
    }
}
