package dev.dermaguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/** Something listening on a port, to see what refuses that port and how it says so. */
final class TakenPort {

    private TakenPort() {
    }

    static void assertRefused(IntConsumer start, IntFunction<String> expectedMessage) {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start.accept(port));
            assertEquals(expectedMessage.apply(port), refused.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
