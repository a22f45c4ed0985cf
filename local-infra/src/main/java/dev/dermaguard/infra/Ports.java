package dev.dermaguard.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** TCP ports on this machine. */
final class Ports {

    private Ports() {
    }

    /**
     * Every port {@link #free} handed out in this process: the kernel may give a port it just gave again once its
     * probe socket closed, and a broker's listeners, asked for one after the other, once got the same port (CI).
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A port nothing listens on now and this process never handed out; whoever takes it must do so soon. */
    static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = unused();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free TCP port that this process has not handed out already");
    }

    private static int unused() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }

    /** Binds the wildcard address, so a listener on any address of this machine counts as a user of the port. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Connections of a stopped server still in TIME_WAIT don't keep the next one from listening.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int requireFree(int port, String who) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " is in use: " + who + " cannot listen on it");
        }
        return port;
    }

    /** The port an environment variable gives. */
    static int parse(String variable, String value) {
        String digits = value.trim();
        if (digits.matches("\\d{1,5}") && Integer.parseInt(digits) <= 65535) {
            return Integer.parseInt(digits);
        }
        throw new IllegalArgumentException(variable + " is not a port number: " + value);
    }
}
