package dev.dermaguard.intake.service;

/**
 * Intake is at capacity: the records already in flight left no room within the publish timeout. Nothing of the
 * request was published; a retry with the same event ids is safe. Answered as a broker that did not confirm (503
 * with Retry-After), counted apart ({@code dermaguard.intake.records.unconfirmed}, reason {@code no-room}).
 */
public class NoRoomException extends BrokerUnavailableException {

    public NoRoomException() {
        super("No room for more records in flight within the publish timeout", null);
    }
}
