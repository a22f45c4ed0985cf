package dev.dermaguard.intake.service;

/** The broker did not acknowledge in time: the outcome is unknown, and retrying with the same event id is safe. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("The event broker did not acknowledge in time", cause);
    }
}
