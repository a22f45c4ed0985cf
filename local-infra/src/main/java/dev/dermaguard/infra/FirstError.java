package dev.dermaguard.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first error a starting broker logs, with the lines under it that say why (the exception's message, not its
 * stack). A failed start's log ends with the shutdown that followed, and the next start in the same folder replaces
 * the log: without this, why it failed is lost.
 */
final class FirstError implements Consumer<String> {

    private static final int MAX_LINES = 3;
    /** The JDK's {@code BindException} message, whatever the listener. */
    private static final String PORT_TAKEN = "Address already in use";

    private final List<String> lines = new ArrayList<>();
    private boolean complete;

    @Override
    public synchronized void accept(String line) {
        if (complete) {
            return;
        }
        if (lines.isEmpty()) {
            if (line.contains(" ERROR ")) {
                lines.add(line);
            }
        } else if (line.startsWith("\tat ") || lines.size() == MAX_LINES) {
            complete = true;
        } else {
            lines.add(line);
        }
    }

    /** Empty until an error was logged; else a line break and the error's lines, to end a message with. */
    synchronized String describe() {
        return lines.isEmpty() ? "" : "; its first error:" + System.lineSeparator()
                + String.join(System.lineSeparator(), lines);
    }

    /** Whether the first error was a listener's port taken by someone else: another port would do. */
    synchronized boolean portTaken() {
        return lines.stream().anyMatch(line -> line.contains(PORT_TAKEN));
    }
}
